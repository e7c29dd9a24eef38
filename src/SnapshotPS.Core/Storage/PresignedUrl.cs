using System;

namespace SnapshotPS.Core.Storage;

/// <summary>A URL anyone can GET an object with until it expires (Grant-CloudSnapshotPermission on an export).</summary>
public sealed class PresignedUrl
{
    public string Connection { get; init; } = "";
    public string Bucket { get; init; } = "";
    public string Key { get; init; } = "";
    public Uri Url { get; init; } = null!;
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The URL itself, so that "$url" and -ImportUri $url give it.</summary>
    public override string ToString() => Url.ToString();
}
