namespace SnapshotPS.Emulator;

/// <summary>
/// How long a Scaleway snapshot stays in each transient state. Zero means it reads as settled on the next
/// request; the create or export response itself still shows the transient state.
/// </summary>
public sealed class ScalewayTimings
{
    /// <summary>Instance snapshot from a volume: "snapshotting".</summary>
    public TimeSpan SnapshotDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Import from a bucket: "importing" (instance) or "creating" (block).</summary>
    public TimeSpan ImportDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Export to a bucket: "exporting" (instance and block).</summary>
    public TimeSpan ExportDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Block snapshot from a volume: "creating".</summary>
    public TimeSpan BlockCreateDelay { get; set; } = TimeSpan.FromSeconds(2);
}
