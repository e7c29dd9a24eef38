using System;
using System.Collections.Generic;
using System.Text.Json;
using SnapshotPS.Core.Http;

namespace SnapshotPS.Core.Providers.Scaleway;

// Instance API v1 (reference §2-§3). Unknown enum strings stay strings and map to Unknown.

public sealed class ScalewayInstanceSnapshot
{
    /// <summary>The record as the API sent it, in JSON: what Export-Csv and string conversion show.</summary>
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(this, ScalewayJsonContext.Default.ScalewayInstanceSnapshot);

    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? VolumeType { get; set; }
    public DateTimeOffset? CreationDate { get; set; }
    public DateTimeOffset? ModificationDate { get; set; }
    public string? Organization { get; set; }
    public string? Project { get; set; }
    public long? Size { get; set; }
    public string? State { get; set; }
    public ScalewayBaseVolume? BaseVolume { get; set; }
    public List<string>? Tags { get; set; }
    public string? Zone { get; set; }

    // The SDK model says error_reason; recorded responses carry error_details (shape UNVERIFIED): accept both.
    public string? ErrorReason { get; set; }
    public JsonElement? ErrorDetails { get; set; }

    internal void Validate(string field)
    {
        ReplyFields.RequireId(Id, field + ".id");
        ReplyFields.RequireRange(Size, field + ".size", 0, long.MaxValue);
        ReplyFields.RequireEach(Tags, field + ".tags");
    }
}

public sealed class ScalewayBaseVolume
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}

internal sealed class InstanceSnapshotEnvelope : IValidatedReply
{
    public ScalewayInstanceSnapshot? Snapshot { get; set; }

    public void Validate() => ReplyFields.Require(Snapshot, "snapshot").Validate("snapshot");
}

internal sealed class InstanceSnapshotList : IValidatedReply
{
    public List<ScalewayInstanceSnapshot>? Snapshots { get; set; }

    public void Validate() => ReplyFields.RequireEach(ReplyFields.Require(Snapshots, "snapshots"), "snapshots", (s, field) => s.Validate(field));
}

internal sealed class InstanceCreateSnapshotBody
{
    public string? Name { get; set; }
    public string? VolumeId { get; set; }
    public List<string>? Tags { get; set; }
    public string? Project { get; set; }
    public string? Organization { get; set; }

    // An import of a QCOW2 object instead of a volume (reference 3.2).
    public string? VolumeType { get; set; }
    public string? Bucket { get; set; }
    public string? Key { get; set; }
    public long? Size { get; set; }
}

internal sealed class SnapshotPatchBody
{
    public string? Name { get; set; }
    public List<string>? Tags { get; set; }
}

// Block Storage API v1 (reference §8): bare objects, count in the body.

public sealed class ScalewayBlockSnapshot : IValidatedReply
{
    /// <summary>The record as the API sent it, in JSON: what Export-Csv and string conversion show.</summary>
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(this, ScalewayJsonContext.Default.ScalewayBlockSnapshot);

    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public ScalewayParentVolume? ParentVolume { get; set; }
    public long? Size { get; set; }
    public string? ProjectId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? Status { get; set; }
    public List<string>? Tags { get; set; }
    public string? Zone { get; set; }
    public string? Class { get; set; }
    public bool? Public { get; set; }

    void IValidatedReply.Validate() => Validate("snapshot");

    internal void Validate(string field)
    {
        ReplyFields.RequireId(Id, field + ".id");
        ReplyFields.RequireRange(Size, field + ".size", 0, long.MaxValue);
        ReplyFields.RequireEach(Tags, field + ".tags");
    }
}

public sealed class ScalewayParentVolume
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Status { get; set; }
}

internal sealed class BlockSnapshotList : IValidatedReply
{
    public List<ScalewayBlockSnapshot>? Snapshots { get; set; }
    public int? TotalCount { get; set; }

    public void Validate()
    {
        ReplyFields.RequireEach(ReplyFields.Require(Snapshots, "snapshots"), "snapshots", (s, field) => s.Validate(field));
        ReplyFields.RequireRange(TotalCount, "total_count", 0, int.MaxValue);
    }
}

internal sealed class BlockCreateSnapshotBody
{
    public string? VolumeId { get; set; }
    public string? Name { get; set; }
    public string? ProjectId { get; set; }
    public List<string>? Tags { get; set; }
}

internal sealed class ScalewayErrorBody
{
    public string? Type { get; set; }
    public string? Message { get; set; }
    public string? Resource { get; set; }
    public string? ResourceId { get; set; }
    public string? CurrentState { get; set; }
    public string? HelpMessage { get; set; }
    public string? Precondition { get; set; }
    public JsonElement? Details { get; set; }
    public JsonElement? Fields { get; set; }
}
