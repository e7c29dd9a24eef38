namespace SnapshotPS.Emulator.Scaleway.Instance;

internal sealed class InstanceVolume
{
    public required string Id { get; init; }

    public required string Zone { get; init; }

    public required string Name { get; init; }

    public required string VolumeType { get; init; }

    public required long Size { get; init; }

    public required string ProjectId { get; init; }

    public required string OrganizationId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

internal sealed class InstanceSnapshot : TransitioningResource
{
    public const string Resource = "instance_snapshot";

    public required string Id { get; init; }

    public required string Zone { get; init; }

    public required string ProjectId { get; init; }

    public required string OrganizationId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Breaks ties between equal creation dates: creation order.</summary>
    public required long Sequence { get; init; }

    public required string Name { get; set; }

    public required string VolumeType { get; init; }

    public required long Size { get; init; }

    /// <summary>(id, name) of the source volume; null for imports and once the volume is deleted.</summary>
    public (string Id, string Name)? BaseVolume { get; set; }

    public List<string> Tags { get; set; } = [];

    public bool IsTransient => State is "snapshotting" or "importing" or "exporting";
}
