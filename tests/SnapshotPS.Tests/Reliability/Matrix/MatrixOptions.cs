using SnapshotPS.Core.Http;

namespace SnapshotPS.Reliability;

/// <summary>How big a matrix run is, and the retry budget and timeouts it grants the engine.</summary>
public sealed record MatrixOptions
{
    public int Seed { get; init; } = 20261204;

    /// <summary>The share of requests a fault hits in the read and delete-pipeline runs.</summary>
    public double TransientShare { get; init; } = 0.3;

    /// <summary>The share of creates and deletes a fault hits in their runs.</summary>
    public double ActedShare { get; init; } = 0.5;

    public int SnapshotsListed { get; init; } = 1000;
    public int Listings { get; init; } = 3;
    public int Gets { get; init; } = 40;
    public int Creates { get; init; } = 40;
    public int Deletes { get; init; } = 40;
    public int PipelineSnapshots { get; init; } = 1000;

    /// <summary>Retries granted: with 30% of requests faulted, 0.3^9 of them fail nine times running.</summary>
    public int RetryBudget { get; init; } = 8;

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>A call still running this long after the total timeout is a hang.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>After this many hangs a run stops (and says so), so that a broken engine fails fast.</summary>
    public int MaxHangs { get; init; } = 3;

    public TimeSpan CallLimit => TotalTimeout + Grace;

    public HttpPipelineOptions Http() => new()
    {
        MaxRetries = RetryBudget,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(40),
        MaxRetryAfter = TimeSpan.FromSeconds(1),
        AttemptTimeout = AttemptTimeout,
        TotalTimeout = TotalTimeout,
    };
}
