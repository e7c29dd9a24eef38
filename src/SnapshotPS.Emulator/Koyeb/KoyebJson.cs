using System.Globalization;
using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Koyeb;

/// <summary>Snapshot objects and replies with the reference's fields (§3.3, §4), integers as JSON numbers.</summary>
internal static class KoyebJson
{
    /// <summary>
    /// UNVERIFIED: what a live snapshot carries in deleted_at. The fake sends the zero time, as Go services
    /// do for an unset time; clients should take absent, null and zero alike.
    /// </summary>
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    public static JsonObject Snapshot(KoyebSnapshotRecord snapshot) => new()
    {
        ["id"] = snapshot.Id,
        ["name"] = snapshot.Name,
        ["size"] = snapshot.Size,
        ["created_at"] = Date(snapshot.CreatedAt),
        ["updated_at"] = Date(snapshot.UpdatedAt),
        ["deleted_at"] = ZeroTime,
        ["organization_id"] = snapshot.OrganizationId,
        ["parent_volume_id"] = snapshot.ParentVolumeId,
        ["region"] = snapshot.Region,
        ["status"] = snapshot.Status,
        ["type"] = snapshot.Type,
    };

    /// <summary>Create, get, update and delete all answer 200 with {"snapshot": {...}}.</summary>
    public static IResult Reply(KoyebSnapshotRecord snapshot) =>
        KoyebErrors.Json(StatusCodes.Status200OK, new JsonObject { ["snapshot"] = Snapshot(snapshot) });

    /// <summary>RFC 3339 in UTC with microseconds, e.g. 2025-03-04T10:15:22.481233Z.</summary>
    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode)value).ToArray());
}
