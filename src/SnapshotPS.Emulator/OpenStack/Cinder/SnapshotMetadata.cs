using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>/snapshots/{id}/metadata[/{key}] (reference B.5): show, merge (POST), replace (PUT), and one key's show, set and delete.</summary>
internal static class SnapshotMetadata
{
    public static IResult All(CinderCall call, CinderSnapshot snapshot, string method, JsonNode? body)
    {
        if (HttpMethods.IsGet(method)) return Reply("metadata", CinderJson.Metadata(snapshot.Metadata));
        if (body is not JsonObject root || !root.ContainsKey("metadata")) return CinderErrors.BadRequest("Malformed request body");
        var pairs = CinderValidation.Metadata(root["metadata"], allowSlash: false, allowNull: false, out var invalid);
        if (pairs is null) return invalid!;
        if (HttpMethods.IsPut(method))
        {
            snapshot.Metadata = pairs;
        }
        else
        {
            foreach (var (key, value) in pairs) snapshot.Metadata[key] = value;
        }

        snapshot.UpdatedAt = call.Now;
        return Reply("metadata", CinderJson.Metadata(HttpMethods.IsPut(method) ? pairs : snapshot.Metadata));
    }

    public static IResult One(CinderCall call, CinderSnapshot snapshot, string key, string method, JsonNode? body)
    {
        if (HttpMethods.IsPut(method)) return Set(call, snapshot, key, body);
        if (!snapshot.Metadata.TryGetValue(key, out var value))
        {
            return CinderErrors.NotFound($"Snapshot {snapshot.Id} has no metadata with key {key}.");
        }

        if (HttpMethods.IsGet(method)) return Reply("meta", new JsonObject { [key] = value });
        snapshot.Metadata.Remove(key);
        snapshot.UpdatedAt = call.Now;
        return OpenStackReply.Empty(StatusCodes.Status200OK);
    }

    /// <summary>{"meta": {key: value}} with exactly the URL's key.</summary>
    private static IResult Set(CinderCall call, CinderSnapshot snapshot, string key, JsonNode? body)
    {
        if (body is not JsonObject root || root["meta"] is not JsonObject meta) return CinderErrors.BadRequest("Malformed request body");
        if (meta.Count > 1) return CinderErrors.BadRequest("Request body contains too many items");
        var pairs = CinderValidation.Metadata(meta, allowSlash: false, allowNull: false, out var invalid);
        if (pairs is null) return invalid!;
        if (!pairs.TryGetValue(key, out var value)) return CinderErrors.BadRequest("Request body and URI mismatch");
        snapshot.Metadata[key] = value;
        snapshot.UpdatedAt = call.Now;
        return Reply("meta", new JsonObject { [key] = value });
    }

    private static OpenStackReply Reply(string name, JsonObject content) => new(StatusCodes.Status200OK, new JsonObject { [name] = content });
}
