using System;

namespace SnapshotPS.Core.Storage;

/// <summary>An object as its store describes it (HeadObject).</summary>
public sealed class StoredObject
{
    public Uri Endpoint { get; init; } = null!;
    public string Bucket { get; init; } = "";
    public string Key { get; init; } = "";
    public long SizeBytes { get; init; }

    /// <summary>The store's entity tag, without quotes.</summary>
    public string ETag { get; init; } = "";
    public DateTimeOffset? LastModified { get; init; }

    public override string ToString() => $"{Bucket}/{Key} ({SizeBytes} bytes)";
}
