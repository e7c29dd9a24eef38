namespace SnapshotPS.Emulator;

public sealed class FaultRule
{
    /// <summary>"scaleway", ..., or "*" for any provider.</summary>
    public string Provider { get; init; } = "*";

    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>Substring of the full request path (case-insensitive); null matches any.</summary>
    public string? PathContains { get; init; }

    public FaultKind Kind { get; init; }

    /// <summary>Status sent for <see cref="FaultKind.Status"/>.</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary>For <see cref="FaultKind.Status"/>: sent as Retry-After in whole seconds, rounded up.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For <see cref="FaultKind.Latency"/>: the delay before serving.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>How many matching requests the rule hits before it is spent; int.MaxValue means forever.</summary>
    public int Times { get; init; } = 1;

    internal bool Matches(string provider, string method, string path) =>
        (Provider == "*" || string.Equals(Provider, provider, StringComparison.OrdinalIgnoreCase)) &&
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
        (PathContains is null || path.Contains(PathContains, StringComparison.OrdinalIgnoreCase));
}
