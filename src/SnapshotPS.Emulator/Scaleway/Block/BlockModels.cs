namespace SnapshotPS.Emulator.Scaleway.Block;

internal sealed class BlockVolume
{
    public const string Resource = "volume";

    // UNVERIFIED: the fake serves every block volume as a 5k-IOPS SBS volume.
    public const string VolumeType = "sbs_5k";

    public required string Id { get; init; }

    public required string Zone { get; init; }

    public required string Name { get; init; }

    public required long Size { get; init; }

    public required string ProjectId { get; init; }

    public required string OrganizationId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

internal sealed class BlockSnapshot : TransitioningResource
{
    public const string Resource = "snapshot";

    public required string Id { get; init; }

    public required string Zone { get; init; }

    public required string ProjectId { get; init; }

    public required string OrganizationId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long Sequence { get; init; }

    public required string Name { get; set; }

    public required long Size { get; init; }

    /// <summary>The source volume; null for imports.</summary>
    public BlockVolume? ParentVolume { get; init; }

    public List<string> Tags { get; set; } = [];

    public bool Public { get; set; }

    public bool IsDeleted => State == "deleted";

    public bool IsTransient => State is "creating" or "exporting" or "deleting";
}
