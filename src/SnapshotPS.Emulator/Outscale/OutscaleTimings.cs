namespace SnapshotPS.Emulator;

/// <summary>
/// How long OUTSCALE work takes. Zero means it reads as finished on the next request; the create response
/// itself still shows the first state.
/// </summary>
public sealed class OutscaleTimings
{
    /// <summary>Snapshot from a volume: "pending/queued", then "pending" with rising Progress, then "completed".</summary>
    public TimeSpan SnapshotDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Snapshot imported from a bucket: "importing" with rising Progress, then "completed".</summary>
    public TimeSpan ImportDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Export task: "pending" for the first third, then "active" with rising Progress, then "completed".</summary>
    public TimeSpan ExportDelay { get; set; } = TimeSpan.FromSeconds(3);
}
