using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.CloudMC;

/// <summary>The wire shapes: camelCase, the {data, metadata} envelope, tasks as the dialect says (reference §3-§5).</summary>
internal static class CloudMCJson
{
    public static JsonObject Snapshot(CloudMCSnapshot snapshot, DateTimeOffset now) => new()
    {
        ["id"] = snapshot.Id,
        ["name"] = snapshot.Name,
        ["state"] = snapshot.StateAt(now),
        ["intervalType"] = snapshot.IntervalType,
        ["volumeId"] = snapshot.Volume.Id,
        ["volume"] = snapshot.Volume.Name,
        ["volumeType"] = snapshot.Volume.Type,
    };

    public static IResult Ok(JsonNode body) => new WireJsonResult(StatusCodes.Status200OK, body, JsonStyle.Compact);

    /// <summary>What a create or delete answers at once: {"taskId", "taskStatus": "PENDING"}.</summary>
    public static IResult Accepted(CloudMCTask task) => Ok(new JsonObject { ["taskId"] = task.Id, ["taskStatus"] = "PENDING" });

    public static JsonObject Task(CloudMCTask task, DateTimeOffset now, bool wrapped)
    {
        var status = task.StatusAt(now);
        JsonNode? result = status != "SUCCESS" ? null
            : task.Kind == CloudMCTaskKind.CreateSnapshot ? Snapshot(task.Snapshot, now)
            : new JsonObject { ["id"] = task.Snapshot.Id };
        if (!wrapped)
        {
            var flat = new JsonObject { ["taskId"] = task.Id, ["taskStatus"] = status };
            if (result is not null) flat["result"] = result;
            return flat;
        }

        var data = new JsonObject
        {
            ["id"] = task.Id,
            ["status"] = status,
            ["created"] = task.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (result is not null) data["result"] = result;
        return new JsonObject { ["data"] = data };
    }
}
