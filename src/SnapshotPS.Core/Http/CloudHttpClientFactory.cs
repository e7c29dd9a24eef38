using System;
using System.Net;
using System.Net.Http;
using System.Reflection;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Http;

/// <summary>
/// Builds one connection's HTTP pipeline: redirect refusal, resilience, the connection's adaptive concurrency limit, the attempt log, tracing
/// per attempt, auth, then the wire (no automatic redirects; certificates checked unless the
/// connection was opened with SkipCertificateCheck).
/// </summary>
public static class CloudHttpClientFactory
{
    public static readonly string UserAgent =
        "SnapshotPS/" + (typeof(CloudHttpClientFactory).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    public static HttpClient Create(CloudProvider provider, Uri baseAddress, DelegatingHandler authHandler, HttpPipelineOptions options, HttpMessageHandler? transport = null)
    {
        authHandler.InnerHandler = transport ?? CreateWire(options);
        var tracing = new TracingHandler(options) { InnerHandler = authHandler };
        var attempts = new AttemptLogHandler { InnerHandler = tracing };
        var gate = new ConcurrencyGateHandler(options.Concurrency) { InnerHandler = attempts };
        var resilience = new ResilienceHandler(provider, options) { InnerHandler = gate };
        var redirects = new RedirectRefusalHandler(provider) { InnerHandler = resilience };
        var client = new HttpClient(redirects)
        {
            BaseAddress = EnsureTrailingSlash(baseAddress),
            // The resilience handler bounds each attempt and the whole call, body included.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = Math.Min(int.MaxValue, Math.Max(1, options.MaxResponseBytes)),
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return client;
    }

    internal static HttpClientHandler CreateWire(HttpPipelineOptions options)
    {
        var wire = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        if (options.SkipCertificateCheck) wire.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        return wire;
    }

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
}
