using System.Collections.Generic;

namespace SnapshotPS.Core.Model;

/// <summary>What to list. Empty members do not filter.</summary>
public sealed class SnapshotQuery
{
    public string? Location { get; init; }
    public IReadOnlyList<string> Ids { get; init; } = new string[0];

    /// <summary>Names, each possibly holding wildcards (*, ?, [a-z]); a snapshot matching any is kept.</summary>
    public IReadOnlyList<string> Names { get; init; } = new string[0];

    public string? VolumeId { get; init; }

    /// <summary>Every tag here must be present with this value; an empty value only requires the key.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = CloudSnapshot.EmptyTags;

    public IReadOnlyList<SnapshotState> States { get; init; } = new SnapshotState[0];

    /// <summary>Items per page asked of the provider; null lets the provider choose.</summary>
    public int? PageSize { get; init; }
}

public sealed class CreateSnapshotRequest
{
    public string? Location { get; init; }
    public string? VolumeId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = CloudSnapshot.EmptyTags;
}

public sealed class UpdateSnapshotRequest
{
    public UpdateSnapshotRequest(SnapshotLocator snapshot) => Snapshot = snapshot;

    public SnapshotLocator Snapshot { get; }
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>The complete new set of tags; null leaves tags as they are.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
