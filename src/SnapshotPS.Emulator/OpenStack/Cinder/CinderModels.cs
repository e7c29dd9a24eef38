namespace SnapshotPS.Emulator.OpenStack.Cinder;

internal sealed class CinderVolume
{
    public required string Id { get; init; }

    public required string Region { get; init; }

    public required string ProjectId { get; init; }

    public required string Name { get; init; }

    public required int SizeGiB { get; init; }

    public required string Status { get; set; }
}

internal sealed class CinderSnapshot
{
    public required string Id { get; init; }

    public required string Region { get; init; }

    public required string ProjectId { get; init; }

    public required string UserId { get; init; }

    public required string VolumeId { get; init; }

    public required int SizeGiB { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public required string Status { get; set; }

    public string Progress { get; set; } = "100%";

    public DateTimeOffset? UpdatedAt { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Bumped whenever a pending transition is set or cancelled, so a stale one is ignored when it falls due.</summary>
    public long TransitionStamp { get; set; }
}
