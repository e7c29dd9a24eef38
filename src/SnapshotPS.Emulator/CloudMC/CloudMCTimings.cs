namespace SnapshotPS.Emulator;

/// <summary>
/// How long a CloudMC snapshot stays in each CloudStack state (the timing is UNVERIFIED). Zero means
/// the next read finds it settled; the create or delete reply itself still answers with a PENDING task.
/// </summary>
public sealed class CloudMCTimings
{
    /// <summary>Creating: being taken on primary storage.</summary>
    public TimeSpan CreatingDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>BackingUp: being copied to secondary storage (skipped for rapid snapshots).</summary>
    public TimeSpan BackingUpDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Destroying, before the snapshot is gone from the lists.</summary>
    public TimeSpan DestroyingDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a task can still be read; the docs say about 30 minutes.</summary>
    public TimeSpan TaskRetention { get; set; } = TimeSpan.FromMinutes(30);
}
