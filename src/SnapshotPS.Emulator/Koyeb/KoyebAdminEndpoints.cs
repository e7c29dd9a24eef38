using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Koyeb;

/// <summary>/_emulator/koyeb: seed volumes and snapshots, change timings, add organizations.</summary>
internal static class KoyebAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin, KoyebFake fake)
    {
        admin.MapPost("/seed", (HttpRequest request) => AdminJson.Guarded(request, body => Seed(fake, body)));
        admin.MapPut("/timings", (HttpRequest request) => AdminJson.Guarded(request, body => SetTimings(fake.Timings, body)));
        admin.MapPost("/organizations", (HttpRequest request) => AdminJson.Guarded(request, body =>
        {
            var organization = AdminJson.String(body, "organizationId") ?? throw new FormatException("'organizationId' is required.");
            fake.AddOrganization(AdminJson.String(body, "token") ?? throw new FormatException("'token' is required."), organization);
            return new JsonObject { ["organizationId"] = organization };
        }));
    }

    /// <summary>
    /// {"region","volumes","snapshots","namePrefix","sizeGb","organizationId"}: "snapshots" AVAILABLE snapshots of
    /// the first seeded volume (none: of a volume that no longer exists), named namePrefix + 001, 002, ...
    /// </summary>
    private static JsonObject Seed(KoyebFake fake, JsonObject body)
    {
        var region = AdminJson.String(body, "region") ?? KoyebFake.DefaultRegion;
        var prefix = AdminJson.String(body, "namePrefix") ?? "seed-";
        var organization = AdminJson.String(body, "organizationId");
        var size = AdminJson.Integer(body, "sizeGb") ?? 10;
        var volumes = Enumerable.Range(1, AdminJson.Count(body, "volumes"))
            .Select(i => fake.AddVolume($"{prefix}volume-{i:D3}", region, size, organization)).ToList();
        var snapshots = fake.SeedSnapshots(AdminJson.Count(body, "snapshots"), prefix, volumes.FirstOrDefault(), region, organization);
        return new JsonObject
        {
            ["region"] = region,
            ["volumes"] = KoyebJson.Strings(volumes),
            ["snapshots"] = KoyebJson.Strings(snapshots),
        };
    }

    /// <summary>{"createDelay","migrateDelay","deleteDelay"} in seconds; absent ones keep their value.</summary>
    private static JsonObject SetTimings(KoyebTimings timings, JsonObject body)
    {
        timings.CreateDelay = AdminJson.Seconds(body, "createDelay") ?? timings.CreateDelay;
        timings.MigrateDelay = AdminJson.Seconds(body, "migrateDelay") ?? timings.MigrateDelay;
        timings.DeleteDelay = AdminJson.Seconds(body, "deleteDelay") ?? timings.DeleteDelay;
        return new JsonObject
        {
            ["createDelay"] = timings.CreateDelay.TotalSeconds,
            ["migrateDelay"] = timings.MigrateDelay.TotalSeconds,
            ["deleteDelay"] = timings.DeleteDelay.TotalSeconds,
        };
    }
}
