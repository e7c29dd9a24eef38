using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>Show, update, delete and the snapshot actions (reference B.4 to B.6).</summary>
internal static class SnapshotChanges
{
    private static readonly HashSet<string> Updatable = ["name", "description", "display_name", "display_description"];

    private static readonly HashSet<string> Statuses =
        ["creating", "available", "backing-up", "deleting", "error", "deleted", "unmanaging", "restoring", "error_deleting", "updating"];

    public static IResult Show(CinderCall call, CinderSnapshot snapshot) =>
        new OpenStackReply(StatusCodes.Status200OK, new JsonObject { ["snapshot"] = CinderJson.Detail(snapshot, call.Version, extended: true) });

    public static IResult Update(CinderCall call, CinderSnapshot snapshot, JsonNode? body)
    {
        if (body is not JsonObject root || root["snapshot"] is not JsonObject changes)
        {
            return CinderValidation.Invalid("snapshot", body, "'snapshot' is a required property");
        }

        if (root.Select(pair => pair.Key).FirstOrDefault(key => key != "snapshot") is { } extraRoot) return CinderValidation.Unexpected("root", root, extraRoot);
        if (changes.Select(pair => pair.Key).FirstOrDefault(key => !Updatable.Contains(key)) is { } extra) return CinderValidation.Unexpected("snapshot", changes, extra);
        if (changes.Count == 0) return CinderValidation.Invalid("snapshot", changes, "{} does not have enough properties");
        foreach (var (field, value) in changes)
        {
            if (CinderValidation.ShortText(field, value) is { } invalid) return invalid;
        }

        if (changes.ContainsKey("name") || changes.ContainsKey("display_name"))
        {
            snapshot.Name = CinderJson.Text(changes.ContainsKey("name") ? changes["name"] : changes["display_name"]);
        }

        if (changes.ContainsKey("description") || changes.ContainsKey("display_description"))
        {
            snapshot.Description = CinderJson.Text(changes.ContainsKey("description") ? changes["description"] : changes["display_description"]);
        }

        snapshot.UpdatedAt = call.Now;
        return new OpenStackReply(StatusCodes.Status200OK, new JsonObject { ["snapshot"] = CinderJson.Detail(snapshot, call.Version, extended: false) });
    }

    /// <summary>Only from available or error: "deleting", then gone (or "error_deleting" when a failure is armed); 202 with no body.</summary>
    public static IResult Delete(CinderCall call, CinderSnapshot snapshot)
    {
        if (snapshot.Status is not ("available" or "error"))
        {
            return CinderErrors.BadRequest("Invalid snapshot: Snapshot status must be available or error and must not be part of a group.");
        }

        call.Store.Begin(snapshot, "deleting", call.Now + call.Fake.Timings.DeleteDelay, call.Store.TakeDeleteFailure() ? "error_deleting" : null);
        snapshot.UpdatedAt = call.Now;
        return OpenStackReply.Empty(StatusCodes.Status202Accepted);
    }

    public static IResult Action(CinderCall call, CinderSnapshot snapshot, JsonNode? body)
    {
        if (body is not JsonObject { Count: 1 } action) return CinderErrors.BadRequest("Malformed request body");
        var (name, argument) = action.First();
        switch (name)
        {
            case "os-reset_status":
                if (!call.IsAdmin) return CinderErrors.Forbidden("volume_extension:snapshot_admin_actions:reset_status");
                if (CinderJson.Text(argument?["status"])?.ToLowerInvariant() is not { } status || !Statuses.Contains(status))
                {
                    return CinderErrors.BadRequest($"Invalid input received: Must specify a valid status, not {argument?["status"]?.ToJsonString() ?? "None"}.");
                }

                CinderStore.Cancel(snapshot);
                snapshot.Status = status;
                snapshot.UpdatedAt = call.Now;
                return OpenStackReply.Empty(StatusCodes.Status202Accepted);
            case "os-force_delete":
                if (!call.IsAdmin) return CinderErrors.Forbidden("volume_extension:snapshot_admin_actions:force_delete");
                call.Store.Begin(snapshot, "deleting", call.Now + call.Fake.Timings.DeleteDelay, null);
                return OpenStackReply.Empty(StatusCodes.Status202Accepted);
            case "os-update_snapshot_status":
                return UpdateStatus(call, snapshot, argument);
            default:
                return CinderErrors.BadRequest($"There is no such action: {name}");
        }
    }

    /// <summary>Nova's assisted snapshots: creating to creating|available|error, deleting to deleting|error_deleting.</summary>
    private static IResult UpdateStatus(CinderCall call, CinderSnapshot snapshot, JsonNode? argument)
    {
        var status = CinderJson.Text(argument?["status"]);
        var allowed = snapshot.Status switch
        {
            "creating" => status is "creating" or "available" or "error",
            "deleting" => status is "deleting" or "error_deleting",
            _ => false,
        };
        if (!allowed) return CinderErrors.BadRequest($"Provided snapshot status {status ?? "None"} not allowed for snapshot with status {snapshot.Status}.");
        CinderStore.Cancel(snapshot);
        snapshot.Status = status!;
        if (CinderJson.Text(argument?["progress"]) is { } progress) snapshot.Progress = progress;
        snapshot.UpdatedAt = call.Now;
        return OpenStackReply.Empty(StatusCodes.Status202Accepted);
    }
}
