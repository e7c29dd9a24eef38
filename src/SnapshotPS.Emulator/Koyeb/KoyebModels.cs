namespace SnapshotPS.Emulator.Koyeb;

internal static class KoyebStatus
{
    public const string Invalid = "SNAPSHOT_STATUS_INVALID";
    public const string Creating = "SNAPSHOT_STATUS_CREATING";
    public const string Available = "SNAPSHOT_STATUS_AVAILABLE";
    public const string Migrating = "SNAPSHOT_STATUS_MIGRATING";
    public const string Deleting = "SNAPSHOT_STATUS_DELETING";
    public const string Deleted = "SNAPSHOT_STATUS_DELETED";
    public const string Local = "SNAPSHOT_TYPE_LOCAL";
    public const string Remote = "SNAPSHOT_TYPE_REMOTE";

    public static readonly string[] All = [Invalid, Creating, Available, Migrating, Deleting, Deleted];
}

internal sealed class KoyebVolume
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Region { get; init; }

    /// <summary>In GB, as the volume's max_size.</summary>
    public required long MaxSize { get; init; }

    public required string OrganizationId { get; init; }
}

internal sealed class KoyebSnapshotRecord
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required long Size { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public required string OrganizationId { get; init; }

    public required string ParentVolumeId { get; init; }

    public required string Region { get; init; }

    public required string Status { get; set; }

    public required string Type { get; set; }

    public string? ProjectId { get; init; }

    /// <summary>Breaks ties between equal creation dates: creation order.</summary>
    public required long Sequence { get; init; }

    /// <summary>Bumped by every change that makes a scheduled transition stale.</summary>
    public int Version { get; set; }
}
