using System.Collections.Generic;

namespace SnapshotPS.Core.Model;

public enum ExportTaskState
{
    Unknown,
    Pending,
    Active,
    Completed,
    Cancelled,
    Failed,
}

public enum DiskImageFormat
{
    Qcow2,
    Raw,
}

/// <summary>The copy of a snapshot's data into an object storage bucket, normalized across providers.</summary>
public sealed class SnapshotExportTask
{
    public CloudProvider Provider { get; init; }
    public string Connection { get; init; } = "";
    public string Id { get; init; } = "";
    public string SnapshotId { get; init; } = "";
    public ExportTaskState State { get; init; }
    public string ProviderState { get; init; } = "";
    public int? Progress { get; init; }
    public string Bucket { get; init; } = "";
    public string? Prefix { get; init; }

    /// <summary>The object key the image is written to, when the provider says or the convention is known.</summary>
    public string? Key { get; init; }

    public DiskImageFormat? DiskImageFormat { get; init; }

    /// <summary>The provider's comment; on failure, why.</summary>
    public string? Comment { get; init; }

    public string? Location { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = CloudSnapshot.EmptyTags;
    public object? ProviderObject { get; init; }

    public bool IsFinished => State is ExportTaskState.Completed or ExportTaskState.Cancelled or ExportTaskState.Failed;

    public override string ToString() => $"{Provider}:{Id} ({SnapshotId} -> {Bucket}/{Prefix})";
}
