using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Outscale;

/// <summary>/_emulator/outscale: seed data, change timings, arm failures.</summary>
internal static class OutscaleAdminEndpoints
{
    private const int SeedVolumeSizeGiB = 10;

    public static void Map(RouteGroupBuilder admin, OutscaleFake fake)
    {
        admin.MapPost("/seed", (HttpRequest request) => AdminJson.Guarded(request, body => Seed(fake, body)));
        admin.MapPut("/timings", (HttpRequest request) => AdminJson.Guarded(request, body => SetTimings(fake.Timings, body)));
        admin.MapPost("/fail-next", (HttpRequest request) => AdminJson.Guarded(request, body =>
        {
            fake.FailNextSnapshots(AdminJson.Count(body, "snapshots"));
            fake.FailNextExportTasks(AdminJson.Count(body, "exportTasks"));
            return new JsonObject { ["armed"] = true };
        }));
    }

    /// <summary>Completed snapshots described and tagged Name=prefix001, prefix002, ...; returns their IDs.</summary>
    public static IReadOnlyList<string> SeedNamed(OutscaleFake fake, int count, string prefix, string? volumeId, string? accountId = null) =>
        Enumerable.Range(1, count)
            .SelectMany(i => fake.SeedSnapshots(1, volumeId, $"{prefix}{i:D3}", [KeyValuePair.Create("Name", $"{prefix}{i:D3}")], accountId))
            .ToList();

    /// <summary>{"volumes","snapshots","namePrefix","accountId"}: snapshots are taken of the first seeded volume (none: a volume since deleted).</summary>
    private static JsonObject Seed(OutscaleFake fake, JsonObject body)
    {
        var prefix = AdminJson.String(body, "namePrefix") ?? "seed-";
        var accountId = AdminJson.String(body, "accountId");
        var volumes = Enumerable.Range(1, AdminJson.Count(body, "volumes")).Select(_ => fake.AddVolume(SeedVolumeSizeGiB, accountId)).ToList();
        var snapshots = SeedNamed(fake, AdminJson.Count(body, "snapshots"), prefix, volumes.FirstOrDefault(), accountId);
        return new JsonObject
        {
            ["volumes"] = OutscaleJson.Strings(volumes),
            ["snapshots"] = OutscaleJson.Strings(snapshots),
        };
    }

    /// <summary>{"snapshotDelay","importDelay","exportDelay"} in seconds; absent ones keep their value.</summary>
    private static JsonObject SetTimings(OutscaleTimings timings, JsonObject body)
    {
        timings.SnapshotDelay = AdminJson.Seconds(body, "snapshotDelay") ?? timings.SnapshotDelay;
        timings.ImportDelay = AdminJson.Seconds(body, "importDelay") ?? timings.ImportDelay;
        timings.ExportDelay = AdminJson.Seconds(body, "exportDelay") ?? timings.ExportDelay;
        return new JsonObject
        {
            ["snapshotDelay"] = timings.SnapshotDelay.TotalSeconds,
            ["importDelay"] = timings.ImportDelay.TotalSeconds,
            ["exportDelay"] = timings.ExportDelay.TotalSeconds,
        };
    }
}
