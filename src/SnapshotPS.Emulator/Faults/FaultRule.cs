namespace SnapshotPS.Emulator;

/// <summary>
/// Which requests a fault hits (provider, method, path; with a probability, a number of times) and
/// what it does to them (<see cref="Kind"/> and the settings that kind reads).
/// </summary>
public sealed class FaultRule
{
    /// <summary>"scaleway", "outscale", or "*" for any provider.</summary>
    public string Provider { get; init; } = "*";

    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>Substring of the full request path (case-insensitive); null matches any.</summary>
    public string? PathContains { get; init; }

    public FaultKind Kind { get; init; }

    /// <summary>The chance (0 to 1) that a matching request is hit; 1 hits every one.</summary>
    public double Probability { get; init; } = 1;

    /// <summary>
    /// Makes the draws reproducible: the fate of a request depends only on the seed, its method, path
    /// and query, and how many such requests the rule saw before. Null picks a seed at random
    /// (<see cref="FaultInjector.Rules"/> shows it).
    /// </summary>
    public int? Seed { get; init; }

    /// <summary>How many requests the rule hits before it is spent; int.MaxValue means forever.</summary>
    public int Times { get; init; } = 1;

    /// <summary>For <see cref="FaultKind.Status"/>, <see cref="FaultKind.DropConnection"/> and <see cref="FaultKind.CannedBody"/>: run the operation first, then replace its answer.</summary>
    public bool AfterRun { get; init; }

    /// <summary>The status of <see cref="FaultKind.Status"/> (503 when null) and <see cref="FaultKind.CannedBody"/> (200 when null).</summary>
    public int? StatusCode { get; init; }

    /// <summary>
    /// For <see cref="FaultKind.Status"/>: the provider's error code in the body (Outscale "Code", Scaleway
    /// "type"). Null sends the usual one: Outscale 24 for 429, 6 (throttling) for 503.
    /// </summary>
    public string? ErrorCode { get; init; }

    /// <summary>For <see cref="FaultKind.Status"/> and <see cref="FaultKind.CannedBody"/>: sent as Retry-After in whole seconds, rounded up.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Sent as the Retry-After header exactly as written (e.g. "0.5" or an HTTP date); wins over <see cref="RetryAfter"/>.</summary>
    public string? RetryAfterText { get; init; }

    /// <summary>For <see cref="FaultKind.Latency"/>: the delay before serving; for <see cref="FaultKind.SlowBody"/>: the pause between chunks.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>For <see cref="FaultKind.TruncatedBody"/> and <see cref="FaultKind.StalledBody"/>: bytes of the body sent before the cut or stall; null sends half.</summary>
    public int? SentBytes { get; init; }

    /// <summary>For <see cref="FaultKind.SlowBody"/>: bytes sent per chunk.</summary>
    public int ChunkBytes { get; init; } = 16;

    /// <summary>For <see cref="FaultKind.CannedBody"/>: the body sent verbatim (empty when null).</summary>
    public string? Body { get; init; }

    /// <summary>For <see cref="FaultKind.CannedBody"/>: the Content-Type sent; application/json when null.</summary>
    public string? ContentType { get; init; }

    /// <summary>For <see cref="FaultKind.MangledBody"/>: how the real answer is changed.</summary>
    public BodyMangle Mangle { get; init; }

    internal bool Matches(string provider, string method, string path) =>
        (Provider == "*" || string.Equals(Provider, provider, StringComparison.OrdinalIgnoreCase)) &&
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) &&
        (PathContains is null || path.Contains(PathContains, StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws an ArgumentException naming what is wrong.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Provider, nameof(Provider));
        ArgumentOutOfRangeException.ThrowIfLessThan(Times, 1, nameof(Times));
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown fault kind.");
        }

        if (double.IsNaN(Probability) || Probability is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Probability), Probability, "Probability must be above 0 and at most 1.");
        }

        if (StatusCode is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(StatusCode), StatusCode, "StatusCode must be an HTTP status (100-599).");
        }

        if (Latency < TimeSpan.Zero || RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Latency), "Latency and RetryAfter cannot be negative.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(SentBytes ?? 0, nameof(SentBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkBytes, 1, nameof(ChunkBytes));
        if (!Enum.IsDefined(Mangle))
        {
            throw new ArgumentOutOfRangeException(nameof(Mangle), Mangle, "Unknown body mangle.");
        }

        if (Kind == FaultKind.CannedBody && !string.IsNullOrEmpty(Body) && StatusCode is { } status && Faults.CapturedResponse.CannotHaveBody(status))
        {
            throw new ArgumentException($"HTTP {status} cannot carry a body.", nameof(Body));
        }

        if (RetryAfterText is { } text && !text.All(c => c is >= ' ' and <= '~'))
        {
            throw new ArgumentException("RetryAfterText must be printable ASCII (a header value).", nameof(RetryAfterText));
        }
    }
}
