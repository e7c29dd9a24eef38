namespace SnapshotPS.Emulator;

/// <summary>
/// How long a Koyeb snapshot stays in each transient state. Zero means it reads as settled on the next
/// request; the create or delete reply itself still shows the transient state.
/// </summary>
public sealed class KoyebTimings
{
    /// <summary>SNAPSHOT_STATUS_CREATING (type LOCAL), then MIGRATING.</summary>
    public TimeSpan CreateDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>SNAPSHOT_STATUS_MIGRATING, then AVAILABLE with type REMOTE.</summary>
    public TimeSpan MigrateDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>SNAPSHOT_STATUS_DELETING, then gone (404, out of listings).</summary>
    public TimeSpan DeleteDelay { get; set; } = TimeSpan.FromSeconds(1);

    public static KoyebTimings Instant() => new() { CreateDelay = TimeSpan.Zero, MigrateDelay = TimeSpan.Zero, DeleteDelay = TimeSpan.Zero };
}
