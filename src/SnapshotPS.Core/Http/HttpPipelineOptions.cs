using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Http;

/// <summary>Retry and timeout settings of one connection's HTTP pipeline.</summary>
public sealed class HttpPipelineOptions
{
    public int MaxRetries { get; set; } = 3;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited for: the call fails with a throttling error.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take, its whole answer (headers and body) read.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest response body accepted; a larger one fails as an invalid response.</summary>
    public long MaxResponseBytes { get; set; } = 16L << 20;

    /// <summary>
    /// True when a response proves the server refused the request without acting on it, so even a
    /// request that is not idempotent may be sent again. By default only HTTP 429 counts.
    /// </summary>
    public Func<HttpResponseMessage, ValueTask<bool>> IsRefusedWithoutEffect { get; set; } =
        response => new ValueTask<bool>((int)response.StatusCode == 429);

    /// <summary>
    /// The wait before retry N (0-based) when the server names none; null keeps exponential backoff
    /// with jitter from BaseDelay to MaxDelay. A provider with a documented rule sets its own.
    /// </summary>
    public Func<int, TimeSpan>? Backoff { get; set; }

    /// <summary>The response header that carries the provider's request id, when it has one.</summary>
    public string? RequestIdHeader { get; set; } = "X-Request-Id";

    /// <summary>
    /// Reads the provider's request id from a response body (Outscale's ResponseContext.RequestId), for a
    /// provider that sends it there rather than in a header; null when it has none.
    /// </summary>
    public Func<ReadOnlyMemory<byte>, string?>? RequestIdFromBody { get; set; }

    /// <summary>Accept any TLS certificate (lab clouds with self-signed certificates only); off by default.</summary>
    public bool SkipCertificateCheck { get; set; }

    /// <summary>
    /// The connection's adaptive limit on requests in flight, shared by every cmdlet using it: a 429
    /// halves it and successes bring it back (see AdaptiveConcurrencyLimiter).
    /// </summary>
    public Engine.AdaptiveConcurrencyLimiter Concurrency { get; set; } = new();

    public HttpPipelineOptions Clone() => (HttpPipelineOptions)MemberwiseClone();
}
