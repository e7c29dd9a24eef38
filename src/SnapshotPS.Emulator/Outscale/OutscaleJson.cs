using System.Globalization;
using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Outscale;

/// <summary>OAPI objects, keys in the order of the spec's examples (reference sections 3 and 4).</summary>
internal static class OutscaleJson
{
    public static JsonObject Snapshot(OutscaleSnapshot snapshot, SnapshotStatus status)
    {
        var json = new JsonObject
        {
            ["VolumeSize"] = snapshot.VolumeSize,
            ["AccountId"] = snapshot.AccountId,
        };
        if (snapshot.VolumeId is { } volumeId)
        {
            json["VolumeId"] = volumeId;
        }

        json["CreationDate"] = FormatDate(snapshot.CreatedAt);
        json["PermissionsToCreateVolume"] = new JsonObject
        {
            ["GlobalPermission"] = snapshot.IsPublic,
            ["AccountIds"] = Strings(snapshot.SharedWith),
        };
        json["Progress"] = status.Progress;
        json["SnapshotId"] = snapshot.Id;
        json["State"] = status.State;
        json["Description"] = snapshot.Description;
        json["Tags"] = Tags(snapshot.Tags);
        if (snapshot.ClientToken is { } token)
        {
            json["ClientToken"] = token;
        }

        return json;
    }

    public static JsonObject ExportTask(OutscaleExportTask task, ExportStatus status)
    {
        var osuExport = new JsonObject();
        if (task.OsuPrefix is { } prefix)
        {
            osuExport["OsuPrefix"] = prefix;
        }

        osuExport["OsuBucket"] = task.OsuBucket;
        // The spec's OsuExportSnapshotExportTask has no OsuManifestUrl: a request may give one, a reply never echoes it.
        osuExport["DiskImageFormat"] = task.DiskImageFormat;

        return new JsonObject
        {
            ["Tags"] = Tags(task.Tags),
            ["TaskId"] = task.TaskId,
            ["Comment"] = status.Comment,
            ["OsuExport"] = osuExport,
            ["State"] = status.State,
            ["SnapshotId"] = task.SnapshotId,
            ["Progress"] = status.Progress,
        };
    }

    public static JsonArray Tags(OutscaleTags tags) => new(tags.All
        .Select(tag => (JsonNode)new JsonObject { ["Key"] = tag.Key, ["Value"] = tag.Value })
        .ToArray());

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode)JsonValue.Create(value)).ToArray());

    public static JsonObject ResponseContext(string requestId) => new() { ["RequestId"] = requestId };

    /// <summary>2026-08-17T09:36:33.387Z.</summary>
    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The X-Request-Id the emulator gave this response, so the header and ResponseContext agree.</summary>
    public static string RequestIdOf(HttpContext context) =>
        context.Response.Headers["X-Request-Id"].ToString() is { Length: > 0 } id ? id : Guid.NewGuid().ToString();

    public static IResult Ok(JsonObject payload, string requestId)
    {
        payload["ResponseContext"] = ResponseContext(requestId);
        return new WireJsonResult(StatusCodes.Status200OK, payload, JsonStyle.Compact);
    }
}
