using System;
using System.Text.RegularExpressions;
using System.Threading;

namespace SnapshotPS.Core.Http;

/// <summary>
/// Where HTTP tracing goes for the current logical call. A cmdlet sets it for its invocation
/// (-Verbose); the connection's shared HttpClient writes to whoever is calling.
/// </summary>
public static class HttpTrace
{
    private static readonly AsyncLocal<Action<string>?> CurrentSink = new();
    private static readonly AsyncLocal<Action<string>?> CurrentBodySink = new();

    private static readonly Regex SecretQueryParameter = new(
        @"(?<=[?&])(?<name>[^=&]*(?:token|key|secret|signature|password|credential|sig)[^=&]*)=[^&#]*",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static readonly Regex UserInfo = new(@"(?<=://)[^/@]+@", RegexOptions.Compiled);

    public static IDisposable Use(Action<string>? sink) => Use(sink, null);

    /// <summary>Traces to <paramref name="sink"/> (-Verbose) and, when given, request and response bodies, secrets redacted, to <paramref name="bodySink"/> (-Debug).</summary>
    public static IDisposable Use(Action<string>? sink, Action<string>? bodySink)
    {
        var restore = new Restore(CurrentSink.Value, CurrentBodySink.Value);
        CurrentSink.Value = sink;
        CurrentBodySink.Value = bodySink;
        return restore;
    }

    internal static void Write(string message) => CurrentSink.Value?.Invoke(message);

    internal static void WriteBody(string message) => CurrentBodySink.Value?.Invoke(message);

    internal static bool IsEnabled => CurrentSink.Value is not null;

    internal static bool BodiesEnabled => CurrentBodySink.Value is not null;

    /// <summary>A URL fit for a log line: credentials in the user info or the query string are masked.</summary>
    public static string Redact(Uri? uri)
    {
        if (uri is null) return "";
        var text = UserInfo.Replace(uri.ToString(), "***@");
        return SecretQueryParameter.Replace(text, match => match.Groups["name"].Value + "=***");
    }

    private sealed class Restore : IDisposable
    {
        private readonly Action<string>? _previous;
        private readonly Action<string>? _previousBodies;

        public Restore(Action<string>? previous, Action<string>? previousBodies)
        {
            _previous = previous;
            _previousBodies = previousBodies;
        }

        public void Dispose()
        {
            CurrentSink.Value = _previous;
            CurrentBodySink.Value = _previousBodies;
        }
    }
}
