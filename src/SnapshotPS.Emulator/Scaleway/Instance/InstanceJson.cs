using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Scaleway.Instance;

/// <summary>Instance API v1 objects, keys in the order of recorded responses (reference section 2).</summary>
internal static class InstanceJson
{
    /// <summary>2026 recordings return a placeholder task; there is no task endpoint to poll.</summary>
    private const string PlaceholderTaskId = "00000000-0000-0000-0000-000000000000";

    public static JsonObject Snapshot(InstanceSnapshot snapshot)
    {
        var json = new JsonObject
        {
            ["id"] = snapshot.Id,
            ["name"] = snapshot.Name,
            ["volume_type"] = snapshot.VolumeType,
            ["creation_date"] = WireJson.FormatDate(snapshot.CreatedAt),
            ["modification_date"] = WireJson.FormatDate(snapshot.ModifiedAt),
            ["organization"] = snapshot.OrganizationId,
            ["project"] = snapshot.ProjectId,
            ["size"] = snapshot.Size,
            ["state"] = snapshot.State,
            ["base_volume"] = snapshot.BaseVolume is { } volume ? new JsonObject { ["id"] = volume.Id, ["name"] = volume.Name } : null,
            ["tags"] = Strings(snapshot.Tags),
            ["zone"] = snapshot.Zone,
            ["error_details"] = null,
        };

        // UNVERIFIED: error_reason is in the SDK model but absent from recorded (successful) responses, and
        // error_details is null in every recording; once a snapshot has failed the fake sends the reason in
        // both, error_details as a plain message.
        if (snapshot.ErrorReason is { } reason)
        {
            json["error_details"] = reason;
            json["error_reason"] = reason;
        }

        return json;
    }

    public static JsonObject Task(string zone, string hrefFrom, string hrefResult, DateTimeOffset startedAt) => new()
    {
        ["id"] = PlaceholderTaskId,
        ["description"] = "fake task",
        ["status"] = "pending",
        ["href_from"] = hrefFrom,
        ["href_result"] = hrefResult,
        ["started_at"] = WireJson.FormatDate(startedAt),
        ["terminated_at"] = null,
        ["progress"] = 0,
        ["zone"] = zone,
    };

    // UNVERIFIED: only id/name/volume_type/size/state/zone/project/organization are relied on; the rest
    // follows the SDK's Volume model with neutral values.
    public static JsonObject Volume(InstanceVolume volume) => new()
    {
        ["id"] = volume.Id,
        ["name"] = volume.Name,
        ["export_uri"] = null,
        ["size"] = volume.Size,
        ["volume_type"] = volume.VolumeType,
        ["creation_date"] = WireJson.FormatDate(volume.CreatedAt),
        ["modification_date"] = WireJson.FormatDate(volume.CreatedAt),
        ["organization"] = volume.OrganizationId,
        ["project"] = volume.ProjectId,
        ["tags"] = new JsonArray(),
        ["server"] = null,
        ["state"] = "available",
        ["zone"] = volume.Zone,
    };

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode)JsonValue.Create(value)).ToArray());

    public static WireJsonResult Result(int statusCode, JsonNode body) => new(statusCode, body, JsonStyle.Spaced);
}
