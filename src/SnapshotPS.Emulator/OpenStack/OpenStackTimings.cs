namespace SnapshotPS.Emulator;

/// <summary>
/// How long OpenStack work takes, and how long a Keystone token lives. Zero delays mean a snapshot reads as
/// settled on the next request; the create or delete response itself still shows the transient state.
/// </summary>
public sealed class OpenStackTimings
{
    /// <summary>A new snapshot stays "creating" this long, then turns "available" (or "error" when a failure is armed).</summary>
    public TimeSpan SnapshotDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A deleted snapshot stays "deleting" this long, then is gone (or "error_deleting" when a failure is armed).</summary>
    public TimeSpan DeleteDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Keystone's [token] expiration: expires_at is issued_at plus this (server default 3600 s).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
