using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Scaleway.Block;

/// <summary>Block Storage API v1 objects: bare (no wrapper), compact JSON (reference section 8).</summary>
internal static class BlockJson
{
    // UNVERIFIED: block dates; the fake writes them like the Instance API's (microseconds, +00:00).
    public static JsonObject Snapshot(BlockSnapshot snapshot) => new()
    {
        ["id"] = snapshot.Id,
        ["name"] = snapshot.Name,
        ["parent_volume"] = snapshot.ParentVolume is { } volume
            ? new JsonObject { ["id"] = volume.Id, ["name"] = volume.Name, ["type"] = BlockVolume.VolumeType, ["status"] = "available" }
            : null,
        ["size"] = snapshot.Size,
        ["project_id"] = snapshot.ProjectId,
        ["created_at"] = WireJson.FormatDate(snapshot.CreatedAt),
        ["updated_at"] = WireJson.FormatDate(snapshot.ModifiedAt),
        ["references"] = new JsonArray(),
        ["status"] = snapshot.State,
        ["tags"] = Strings(snapshot.Tags),
        ["zone"] = snapshot.Zone,
        ["class"] = "sbs",
        ["public"] = snapshot.Public,
    };

    // UNVERIFIED: the volume object beyond id/name/size/project_id/status/zone follows the SDK's Volume
    // model with neutral values (5k IOPS, class sbs, no references).
    public static JsonObject Volume(BlockVolume volume) => new()
    {
        ["id"] = volume.Id,
        ["name"] = volume.Name,
        ["type"] = BlockVolume.VolumeType,
        ["size"] = volume.Size,
        ["project_id"] = volume.ProjectId,
        ["created_at"] = WireJson.FormatDate(volume.CreatedAt),
        ["updated_at"] = WireJson.FormatDate(volume.CreatedAt),
        ["references"] = new JsonArray(),
        ["parent_snapshot_id"] = null,
        ["status"] = "available",
        ["tags"] = new JsonArray(),
        ["specs"] = new JsonObject { ["perf_iops"] = 5000, ["class"] = "sbs" },
        ["last_detached_at"] = null,
        ["zone"] = volume.Zone,
    };

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode)JsonValue.Create(value)).ToArray());

    public static WireJsonResult Result(int statusCode, JsonNode body) => new(statusCode, body, JsonStyle.Compact);
}
