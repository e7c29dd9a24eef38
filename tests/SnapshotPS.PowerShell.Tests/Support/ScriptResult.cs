using System.Collections.ObjectModel;

namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>Everything one script wrote: output, each stream, and the terminating error if it threw.</summary>
public sealed class ScriptResult
{
    public required Collection<PSObject> Output { get; init; }

    public required PSDataStreams Streams { get; init; }

    /// <summary>The exception that ended the script (an -ErrorAction Stop error, a binding error...), or null.</summary>
    public Exception? Terminating { get; init; }

    public IReadOnlyList<ErrorRecord> Errors => Streams.Error.ToList();

    /// <summary>The output objects' base objects cast to T.</summary>
    public IReadOnlyList<T> OutputOf<T>() => Output.Select(o => (T)o.BaseObject).ToList();

    /// <summary>Every string any stream or the output carried, for "no secret anywhere" checks.</summary>
    public IEnumerable<string> AllText()
    {
        foreach (var o in Output) yield return o?.ToString() ?? string.Empty;
        foreach (var e in Streams.Error) yield return e + " " + e.Exception + " " + e.ErrorDetails + " " + e.TargetObject;
        foreach (var w in Streams.Warning) yield return w.Message;
        foreach (var v in Streams.Verbose) yield return v.Message;
        foreach (var d in Streams.Debug) yield return d.Message;
        foreach (var i in Streams.Information) yield return i.MessageData?.ToString() ?? string.Empty;
        foreach (var p in Streams.Progress) yield return p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation;
        if (Terminating is not null) yield return Terminating.ToString();
    }

    /// <summary>Fails with the script's errors when it threw or wrote any error record.</summary>
    public ScriptResult AssertSucceeded()
    {
        if (Terminating is not null || Streams.Error.Count > 0)
        {
            var errors = string.Join(Environment.NewLine, Streams.Error.Select(e => e.FullyQualifiedErrorId + ": " + e));
            throw new Xunit.Sdk.XunitException($"The script failed.{Environment.NewLine}{Terminating}{Environment.NewLine}{errors}");
        }

        return this;
    }
}
