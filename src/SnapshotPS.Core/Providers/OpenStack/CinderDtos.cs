using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using SnapshotPS.Core.Http;

namespace SnapshotPS.Core.Providers.OpenStack;

// Cinder v3 snapshots (reference B.3-B.7). Timestamps stay strings: Cinder sends them without a
// zone suffix, meaning UTC, which OpenStackMapping parses as such.

public sealed class CinderSnapshot
{
    /// <summary>The record as the API sent it, in JSON: what Export-Csv and string conversion show.</summary>
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(this, CinderJsonContext.Default.CinderSnapshot);

    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Status { get; set; }
    public long? Size { get; set; }
    public string? VolumeId { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }
    public string? UserId { get; set; }
    public string? GroupSnapshotId { get; set; }

    [JsonPropertyName("os-extended-snapshot-attributes:project_id")]
    public string? ProjectId { get; set; }

    [JsonPropertyName("os-extended-snapshot-attributes:progress")]
    public string? Progress { get; set; }

    /// <summary>The region the snapshot was read from (not a Cinder field).</summary>
    [JsonIgnore]
    public string? Region { get; set; }

    internal void Validate(string field)
    {
        ReplyFields.RequireId(Id, field + ".id");
        ReplyFields.RequireRange(Size, field + ".size", 0, long.MaxValue);
    }
}

internal sealed class CinderSnapshotEnvelope : IValidatedReply
{
    public CinderSnapshot? Snapshot { get; set; }

    public void Validate() => ReplyFields.Require(Snapshot, "snapshot").Validate("snapshot");
}

internal sealed class CinderSnapshotList : IValidatedReply
{
    public List<CinderSnapshot>? Snapshots { get; set; }
    public List<CinderLink>? SnapshotsLinks { get; set; }

    /// <summary>The total before paging, sent with with_count=true (3.45+).</summary>
    public int? Count { get; set; }

    public void Validate() => ReplyFields.RequireEach(ReplyFields.Require(Snapshots, "snapshots"), "snapshots", (s, field) => s.Validate(field));
}

internal sealed class CinderLink
{
    public string? Rel { get; set; }
    public string? Href { get; set; }
}

internal sealed class CinderCreateBody
{
    public CinderCreateSnapshot Snapshot { get; set; } = new();
}

internal sealed class CinderCreateSnapshot
{
    public string VolumeId { get; set; } = "";
    public bool? Force { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
}

internal sealed class CinderUpdateBody
{
    public CinderUpdateSnapshot Snapshot { get; set; } = new();
}

internal sealed class CinderUpdateSnapshot
{
    public string? Name { get; set; }
    public string? Description { get; set; }
}

internal sealed class CinderMetadataBody : IValidatedReply
{
    public Dictionary<string, string>? Metadata { get; set; }

    public void Validate() => ReplyFields.Require(Metadata, "metadata");
}

internal sealed class CinderMetaBody : IValidatedReply
{
    public Dictionary<string, string>? Meta { get; set; }

    public void Validate() => ReplyFields.Require(Meta, "meta");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CinderSnapshotEnvelope))]
[JsonSerializable(typeof(CinderSnapshotList))]
[JsonSerializable(typeof(CinderCreateBody))]
[JsonSerializable(typeof(CinderUpdateBody))]
[JsonSerializable(typeof(CinderMetadataBody))]
[JsonSerializable(typeof(CinderMetaBody))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class CinderJsonContext : JsonSerializerContext
{
}
