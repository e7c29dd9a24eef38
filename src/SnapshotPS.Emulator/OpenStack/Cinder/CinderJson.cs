using System.Globalization;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>The snapshot views (reference B.4): summary, and detail by microversion, with the extended attributes on show and /detail.</summary>
internal static class CinderJson
{
    public static JsonObject Summary(CinderSnapshot snapshot) => new()
    {
        ["id"] = snapshot.Id,
        ["name"] = snapshot.Name,
        ["description"] = snapshot.Description,
        ["status"] = snapshot.Status,
        ["size"] = snapshot.SizeGiB,
        ["metadata"] = Metadata(snapshot.Metadata),
        ["volume_id"] = snapshot.VolumeId,
        ["created_at"] = Time(snapshot.CreatedAt),
        ["updated_at"] = snapshot.UpdatedAt is { } updated ? Time(updated) : null,
    };

    public static JsonObject Detail(CinderSnapshot snapshot, int version, bool extended)
    {
        var view = Summary(snapshot);
        if (version >= 14) view["group_snapshot_id"] = null;
        if (version >= 41) view["user_id"] = snapshot.UserId;
        if (version >= 65) view["consumes_quota"] = true;
        if (extended)
        {
            view["os-extended-snapshot-attributes:project_id"] = snapshot.ProjectId;
            view["os-extended-snapshot-attributes:progress"] = snapshot.Progress;
        }

        return view;
    }

    public static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata) =>
        new(metadata.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));

    /// <summary>UTC with microseconds and no zone suffix, as Cinder's samples show.</summary>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff", CultureInfo.InvariantCulture);

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
