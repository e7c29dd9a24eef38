using System;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Storage;

/// <summary>
/// A snapshot exported to object storage and found there (HeadObject): what Export-CloudSnapshot -Wait
/// returns, and what Grant-CloudSnapshotPermission and New-CloudSnapshot take from the pipeline.
/// </summary>
public sealed class SnapshotExport
{
    /// <summary>The connection that exported it, whose object storage holds it.</summary>
    public string Connection { get; init; } = "";
    public CloudProvider Provider { get; init; }
    public string SnapshotId { get; init; } = "";

    /// <summary>The export task, when the provider runs exports as tasks.</summary>
    public string? TaskId { get; init; }
    public string Bucket { get; init; } = "";
    public string Key { get; init; } = "";
    public long SizeBytes { get; init; }

    /// <summary>The store's entity tag, without quotes.</summary>
    public string ETag { get; init; } = "";
    public DateTimeOffset? LastModified { get; init; }
    public DiskImageFormat? DiskImageFormat { get; init; }

    /// <summary>The object storage endpoint holding the object.</summary>
    public Uri Endpoint { get; init; } = null!;

    /// <summary>
    /// The access key id of the bucket's owner when the export went into a bucket of other keys (Export-CloudSnapshot
    /// -BucketCredential); null when the connection's own keys read it. An id, never the secret: reading the object
    /// again takes the owner's keys through -BucketCredential.
    /// </summary>
    public string? BucketOwnerAccessKey { get; init; }

    public static SnapshotExport From(StoredObject stored, string connection, CloudProvider provider, string snapshotId, string? taskId, DiskImageFormat? format,
        string? bucketOwnerAccessKey = null) => new()
    {
        Connection = connection,
        Provider = provider,
        SnapshotId = snapshotId,
        TaskId = taskId,
        Bucket = stored.Bucket,
        Key = stored.Key,
        SizeBytes = stored.SizeBytes,
        ETag = stored.ETag,
        LastModified = stored.LastModified,
        DiskImageFormat = format,
        Endpoint = stored.Endpoint,
        BucketOwnerAccessKey = bucketOwnerAccessKey,
    };

    public override string ToString() => $"{Bucket}/{Key} ({SizeBytes} bytes, snapshot {SnapshotId} on {Connection})";
}
