using System.Collections.Generic;
using System.Text.Json;
using SnapshotPS.Core.Http;

namespace SnapshotPS.Core.Providers.CloudMC;

// The compute-on (CloudStack) snapshot entity and its envelopes (reference §3, §5). Fields CloudMC
// may add are ignored; states and types stay strings.

public sealed class CloudMCSnapshot
{
    /// <summary>The record as the API sent it, in JSON: what Export-Csv and string conversion show.</summary>
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(this, CloudMCJsonContext.Default.CloudMCSnapshot);

    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? State { get; set; }
    public string? IntervalType { get; set; }
    public string? VolumeId { get; set; }

    /// <summary>The source volume's name.</summary>
    public string? Volume { get; set; }

    /// <summary>Opaque: the docs' sample holds the volume name here, CloudStack says ROOT or DATADISK.</summary>
    public string? VolumeType { get; set; }

    /// <summary>CloudStack's creation time; whether CloudMC passes it through is UNVERIFIED, so it is read leniently.</summary>
    public JsonElement? Created { get; set; }

    /// <summary>The environment the snapshot was read in (not on the wire).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Environment { get; set; } = "";

    internal void Validate(string field) => ReplyFields.RequireId(Id, field + ".id");
}

internal sealed class SnapshotEnvelope : IValidatedReply
{
    public CloudMCSnapshot? Data { get; set; }

    public void Validate() => ReplyFields.Require(Data, "data").Validate("data");
}

internal sealed class SnapshotListEnvelope : IValidatedReply
{
    public List<CloudMCSnapshot>? Data { get; set; }
    public ListMetadata? Metadata { get; set; }

    public void Validate()
    {
        ReplyFields.RequireEach(ReplyFields.Require(Data, "data"), "data", (s, field) => s.Validate(field));
        ReplyFields.RequireRange(Metadata?.RecordCount, "metadata.recordCount", 0, int.MaxValue);
    }
}

/// <summary>recordCount is documented; the paging keys are in a commented-out part of the docs (UNVERIFIED).</summary>
internal sealed class ListMetadata
{
    public long? RecordCount { get; set; }
    public long? PageSize { get; set; }
    public long? PageCurrent { get; set; }
}

internal sealed class CreateSnapshotBody
{
    public string? VolumeId { get; set; }
    public string? Name { get; set; }
    public bool? Rapid { get; set; }
}

/// <summary>
/// A task as any client has seen one: flat {taskId, taskStatus, result | data} (the docs, and create
/// replies) or wrapped {data: {id, status, created, result}} (what every real client reads).
/// </summary>
internal sealed class TaskReply : IValidatedReply
{
    public string? TaskId { get; set; }
    public string? TaskStatus { get; set; }
    public JsonElement? Result { get; set; }
    public JsonElement? Data { get; set; }

    public void Validate() => CloudMCTask.From(this);
}

/// <summary>{"errors": [{"code": 2012 | "2012", "errorCode": "FOO_ERROR", "message", "context"}]} (reference §7).</summary>
internal sealed class ErrorBody
{
    public List<ErrorEntry?>? Errors { get; set; }
}

internal sealed class ErrorEntry
{
    public JsonElement? Code { get; set; }
    public JsonElement? ErrorCode { get; set; }
    public string? Message { get; set; }
    public JsonElement? Context { get; set; }
}
