using System;
using System.Net;
using System.Net.Http;
using System.Reflection;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Http;

/// <summary>Builds one connection's HTTP pipeline: resilience, then tracing per attempt, then auth, then the wire.</summary>
public static class CloudHttpClientFactory
{
    public static readonly string UserAgent =
        "SnapshotPS/" + (typeof(CloudHttpClientFactory).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    public static HttpClient Create(CloudProvider provider, Uri baseAddress, DelegatingHandler authHandler, HttpPipelineOptions options, HttpMessageHandler? transport = null)
    {
        authHandler.InnerHandler = transport ?? new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
        };
        var tracing = new TracingHandler(options.RequestIdHeader) { InnerHandler = authHandler };
        var resilience = new ResilienceHandler(provider, options) { InnerHandler = tracing };
        var client = new HttpClient(resilience)
        {
            BaseAddress = EnsureTrailingSlash(baseAddress),
            // The resilience handler bounds each attempt and the whole call, body included.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = Math.Min(int.MaxValue, Math.Max(1, options.MaxResponseBytes)),
        };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return client;
    }

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
}
