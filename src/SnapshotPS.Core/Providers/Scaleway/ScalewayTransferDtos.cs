using System;
using System.Collections.Generic;
using SnapshotPS.Core.Http;

namespace SnapshotPS.Core.Providers.Scaleway;

// Exports, imports and the Instance API's SetSnapshot (reference 3.5, 3.7, 8).

/// <summary>The body of both exports (Instance export, Block export-to-object-storage).</summary>
internal sealed class ObjectStorageTargetBody
{
    public string? Bucket { get; set; }
    public string? Key { get; set; }
}

/// <summary>The Instance API's task: a placeholder in 2026 (id all zeros), never polled; the snapshot's state is.</summary>
public sealed class ScalewayTask
{
    public string? Id { get; set; }
    public string? Description { get; set; }
    public string? Status { get; set; }
    public string? HrefFrom { get; set; }
    public string? HrefResult { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public int? Progress { get; set; }
    public string? Zone { get; set; }
}

internal sealed class InstanceTaskEnvelope : IValidatedReply
{
    public ScalewayTask? Task { get; set; }

    public void Validate() => ReplyFields.Require(Task, "task");
}

/// <summary>PUT /snapshots/{id}: every property, those not changed sent back as read.</summary>
internal sealed class InstanceSetSnapshotBody
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Organization { get; set; }
    public string? Project { get; set; }
    public string? VolumeType { get; set; }
    public long? Size { get; set; }
    public string? State { get; set; }
    public List<string>? Tags { get; set; }
    public ScalewayBaseVolume? BaseVolume { get; set; }
    public DateTimeOffset? CreationDate { get; set; }
    public DateTimeOffset? ModificationDate { get; set; }
}

internal sealed class BlockImportSnapshotBody
{
    public string? Bucket { get; set; }
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? ProjectId { get; set; }
    public List<string>? Tags { get; set; }
    public long? Size { get; set; }
}
