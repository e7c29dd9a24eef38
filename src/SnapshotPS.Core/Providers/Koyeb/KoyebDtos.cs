using System;
using System.Collections.Generic;
using System.Text.Json;
using SnapshotPS.Core.Http;

namespace SnapshotPS.Core.Providers.Koyeb;

// The volume snapshot API (reference §3-§4). Integers may come as numbers or numeric strings; enums
// stay strings, so a value this version does not know maps to Unknown instead of failing.

public sealed class KoyebSnapshot
{
    /// <summary>The record as the API sent it, in JSON: what Export-Csv and string conversion show.</summary>
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(this, KoyebJsonContext.Default.KoyebSnapshot);

    public string Id { get; set; } = "";
    public string? Name { get; set; }

    /// <summary>The size of the original volume, in GB.</summary>
    public long? Size { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>What a live snapshot carries here is UNVERIFIED: absent, null or the zero time all read as not deleted.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public string? OrganizationId { get; set; }
    public string? ParentVolumeId { get; set; }
    public string? Region { get; set; }
    public string? Status { get; set; }
    public string? Type { get; set; }

    internal void Validate(string field)
    {
        ReplyFields.RequireId(Id, field + ".id");
        ReplyFields.RequireRange(Size, field + ".size", 0, long.MaxValue / 1_000_000_000);
    }
}

/// <summary>{"snapshot": {...}}: the reply of get, create, update and delete.</summary>
internal sealed class KoyebSnapshotReply : IValidatedReply
{
    public KoyebSnapshot? Snapshot { get; set; }

    public void Validate() => ReplyFields.Require(Snapshot, "snapshot").Validate("snapshot");
}

/// <summary>ListSnapshotsReply: exactly snapshots, limit, offset and has_next; no count.</summary>
internal sealed class KoyebSnapshotList : IValidatedReply
{
    public List<KoyebSnapshot>? Snapshots { get; set; }
    public long? Limit { get; set; }
    public long? Offset { get; set; }
    public bool? HasNext { get; set; }

    public void Validate()
    {
        ReplyFields.RequireEach(ReplyFields.Require(Snapshots, "snapshots"), "snapshots", (s, field) => s.Validate(field));
        ReplyFields.RequireRange(Limit, "limit", 0, int.MaxValue);
        ReplyFields.RequireRange(Offset, "offset", 0, int.MaxValue);
    }
}

internal sealed class KoyebCreateSnapshotBody
{
    public string? ParentVolumeId { get; set; }
    public string? Name { get; set; }
    public string? ProjectId { get; set; }
}

internal sealed class KoyebUpdateSnapshotBody
{
    public string? Name { get; set; }
}

/// <summary>
/// Error and ErrorWithFields ({"status": n, "code": "text", "message", "fields"}) and google.rpc.Status
/// ({"code": n, "message", "details"}) in one shape: code is a string in the first two, a number in the last.
/// </summary>
internal sealed class KoyebErrorBody
{
    public JsonElement? Status { get; set; }
    public JsonElement? Code { get; set; }
    public string? Message { get; set; }
    public List<KoyebErrorField?>? Fields { get; set; }
    public JsonElement? Details { get; set; }
}

internal sealed class KoyebErrorField
{
    public string? Field { get; set; }
    public string? Description { get; set; }
}
