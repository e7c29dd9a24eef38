using System.Globalization;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.CloudMC;

/// <summary>GET .../snapshots, GET and DELETE .../snapshots/{id} (reference §3.1, §3.2, and the UNVERIFIED delete of §9).</summary>
internal static class CloudMCSnapshotEndpoints
{
    public const string Environment = "/api/{version}/services/{service}/{environment}";
    public const int DefaultPageSize = 50;

    public static void Map(RouteGroupBuilder group, CloudMCFake fake)
    {
        group.MapGet(Environment + "/snapshots", (HttpContext context, string version, string service, string environment) => List(context, fake, version, service, environment));
        group.MapGet(Environment + "/snapshots/{id}", (HttpContext context, string version, string service, string environment, string id) => Get(context, fake, version, service, environment, id));
        group.MapDelete(Environment + "/snapshots/{id}", (HttpContext context, string version, string service, string environment, string id) => Delete(context, fake, version, service, environment, id));
    }

    /// <summary>
    /// Everything, with metadata.recordCount (documented). page_number and page_size appear only in a
    /// commented-out part of the docs (UNVERIFIED): when either is given, one page is served, with
    /// pageSize and pageCurrent in the metadata too.
    /// </summary>
    private static IResult List(HttpContext context, CloudMCFake fake, string version, string service, string environment)
    {
        var (key, problem) = CloudMCRoute.Environment(context, fake, version, service, environment);
        if (problem is not null) return problem;
        var query = context.Request.Query;
        var volumeId = query["volume_id"].ToString();
        if (volumeId.Length > 0 && !Guid.TryParse(volumeId, out _)) return CloudMCErrors.Invalid(fake.Dialect, "volume_id", $"volume_id '{volumeId}' is not a UUID");
        var paged = query.ContainsKey("page_number") || query.ContainsKey("page_size");
        if (!TryPositive(query["page_number"].ToString(), 1, out var page)) return CloudMCErrors.Invalid(fake.Dialect, "page_number", "page_number must be a positive integer");
        if (!TryPositive(query["page_size"].ToString(), DefaultPageSize, out var size)) return CloudMCErrors.Invalid(fake.Dialect, "page_size", "page_size must be a positive integer");

        JsonArray items;
        int total;
        lock (fake.Store.Gate)
        {
            fake.Store.Settle(fake.Timings.TaskRetention);
            var all = fake.Store.In(key!, volumeId.Length > 0 ? volumeId : null);
            total = all.Count;
            var first = paged ? (int)Math.Min((long)(page - 1) * size, total) : 0;
            var count = paged ? Math.Min(size, total - first) : total;
            var now = fake.Store.Now;
            var nodes = new JsonNode[count];
            for (var i = 0; i < count; i++) nodes[i] = CloudMCJson.Snapshot(all[first + i], now);
            items = new JsonArray(nodes);
        }

        var metadata = new JsonObject { ["recordCount"] = total };
        if (paged)
        {
            metadata["pageSize"] = size;
            metadata["pageCurrent"] = page;
        }

        return CloudMCJson.Ok(new JsonObject { ["data"] = items, ["metadata"] = metadata });
    }

    private static IResult Get(HttpContext context, CloudMCFake fake, string version, string service, string environment, string id)
    {
        var (key, problem) = CloudMCRoute.Environment(context, fake, version, service, environment);
        if (problem is not null) return problem;
        lock (fake.Store.Gate)
        {
            fake.Store.Settle(fake.Timings.TaskRetention);
            var snapshot = Find(fake, key!, id);
            return snapshot is null
                ? CloudMCErrors.NotFound(fake.Dialect, "snapshots", id)
                : CloudMCJson.Ok(new JsonObject { ["data"] = CloudMCJson.Snapshot(snapshot, fake.Store.Now) });
        }
    }

    /// <summary>200 with a task; the snapshot is Destroying, then gone. Creating, BackingUp and Destroying ones are refused with 400.</summary>
    private static IResult Delete(HttpContext context, CloudMCFake fake, string version, string service, string environment, string id)
    {
        var (key, problem) = CloudMCRoute.Environment(context, fake, version, service, environment);
        if (problem is not null) return problem;
        lock (fake.Store.Gate)
        {
            fake.Store.Settle(fake.Timings.TaskRetention);
            var snapshot = Find(fake, key!, id);
            if (snapshot is null) return CloudMCErrors.NotFound(fake.Dialect, "snapshots", id);
            var now = fake.Store.Now;
            var state = snapshot.StateAt(now);
            if (state is not ("BackedUp" or "Error")) return CloudMCErrors.WrongState(fake.Dialect, "snapshots", snapshot.Id, state, "BackedUp", "Error");
            fake.Store.Destroy(snapshot, now + fake.Timings.DestroyingDelay);
            var task = new CloudMCTask
            {
                Id = Guid.NewGuid().ToString(), OrganizationId = key!.OrganizationId, Kind = CloudMCTaskKind.DeleteSnapshot,
                Snapshot = snapshot, Created = now, FailureStatus = fake.Dialect.TaskFailureStatus,
            };
            fake.Store.Tasks.Add(task.Id, task);
            return CloudMCJson.Accepted(task);
        }
    }

    /// <summary>A listed snapshot of the environment; the caller holds the gate.</summary>
    public static CloudMCSnapshot? Find(CloudMCFake fake, CloudMCEnvironmentKey environment, string id) =>
        fake.Store.Snapshots.GetValueOrDefault(id) is { } snapshot && snapshot.Environment == environment && fake.Store.IsListed(snapshot) ? snapshot : null;

    private static bool TryPositive(string text, int fallback, out int value)
    {
        value = fallback;
        return text.Length == 0 || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0);
    }
}
