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

    /// <summary>
    /// How many snapshots the caller expects to take (Get-CloudSnapshot -First), or null: the listing
    /// asks for no page beyond them until the caller asks for more.
    /// </summary>
    public int? ItemsWanted { get; init; }

    /// <summary>Whose snapshots a listing returns; explicit ids are read whoever owns them.</summary>
    public SnapshotOwner Owner { get; init; } = SnapshotOwner.Self;

    /// <summary>Where the provider's total of the listing is reported (Get-CloudSnapshot -IncludeTotalCount), or null.</summary>
    public Engine.Listing.ListingTotal? Total { get; init; }
}

/// <summary>
/// A new snapshot from a volume, or imported from a disk image: by URL (ImportUri, for providers with
/// ImportFromUrl) or by bucket and key in the connection's object storage (ImportBucket and ImportKey,
/// for providers with ImportFromBucket).
/// </summary>
public sealed class CreateSnapshotRequest
{
    public string? Location { get; init; }
    public string? VolumeId { get; init; }

    /// <summary>A pre-signed URL of a disk image in object storage, to import.</summary>
    public System.Uri? ImportUri { get; init; }

    /// <summary>The bucket holding the disk image to import (ImportFromBucket providers).</summary>
    public string? ImportBucket { get; init; }

    /// <summary>The object key of the disk image to import (ImportFromBucket providers).</summary>
    public string? ImportKey { get; init; }

    /// <summary>The size of the imported disk, in bytes.</summary>
    public long? SizeBytes { get; init; }

    /// <summary>
    /// The provider's kind of snapshot an import makes, as CloudSnapshot.SnapshotType shows it (Scaleway: "block"
    /// for the Block Storage API, "l_ssd" for the Instance API); null lets the provider choose.
    /// </summary>
    public string? SnapshotType { get; init; }

    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = CloudSnapshot.EmptyTags;

    /// <summary>
    /// Makes the create happen once however often it is sent: a retry with the same token returns
    /// the snapshot made the first time. Null lets the provider choose one per call.
    /// </summary>
    public string? ClientToken { get; init; }
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

/// <summary>A copy of a snapshot, in the connection's region, from the same or another region.</summary>
public sealed class CopySnapshotRequest
{
    public CopySnapshotRequest(SnapshotLocator source) => Source = source;

    public SnapshotLocator Source { get; }

    /// <summary>The region the source lives in; null means the connection's own.</summary>
    public string? SourceRegion { get; init; }

    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = CloudSnapshot.EmptyTags;

    /// <summary>
    /// Makes the create happen once however often it is sent: a retry with the same token returns
    /// the snapshot made the first time. Null lets the provider choose one per call.
    /// </summary>
    public string? ClientToken { get; init; }
}

/// <summary>Copies a snapshot's data to a bucket as a disk image.</summary>
public sealed class ExportSnapshotRequest
{
    public ExportSnapshotRequest(SnapshotLocator snapshot, string bucket)
    {
        Snapshot = snapshot;
        Bucket = bucket;
    }

    public SnapshotLocator Snapshot { get; }
    public string Bucket { get; }
    public string? Prefix { get; init; }

    /// <summary>The whole object key, for providers that let the caller name the object; null lets the provider name it.</summary>
    public string? Key { get; init; }

    public DiskImageFormat Format { get; init; } = DiskImageFormat.Qcow2;

    /// <summary>Keys of the account that owns the bucket, when it is not the caller's.</summary>
    public string? BucketAccessKey { get; init; }
    public Connections.SecretValue? BucketSecretKey { get; init; }
}

public sealed class ExportTaskQuery
{
    public IReadOnlyList<string> Ids { get; init; } = new string[0];
    public IReadOnlyList<string> SnapshotIds { get; init; } = new string[0];
}
