using System.Globalization;
using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;
using SnapshotPS.Emulator.Scaleway.Instance;

namespace SnapshotPS.Emulator.Scaleway;

/// <summary>/_emulator/scaleway: seed data, change timings, arm failures, add tenants.</summary>
internal static class ScalewayAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin, ScalewayFake fake)
    {
        admin.MapPost("/seed", (HttpRequest request) => AdminJson.Guarded(request, body => Seed(fake, body)));
        admin.MapPut("/timings", (HttpRequest request) => AdminJson.Guarded(request, body => SetTimings(fake.Timings, body)));
        admin.MapPost("/fail-next", (HttpRequest request) => AdminJson.Guarded(request, body =>
        {
            fake.FailNextSnapshots(AdminJson.Integer(body, "count") ?? 1);
            return new JsonObject { ["armed"] = true };
        }));
        admin.MapPost("/projects", (HttpRequest request) => AdminJson.Guarded(request, body => new JsonObject
        {
            ["projectId"] = fake.AddProject(
                AdminJson.String(body, "secretKey") ?? throw new FormatException("'secretKey' is required."),
                AdminJson.String(body, "projectId") ?? throw new FormatException("'projectId' is required."),
                AdminJson.String(body, "organizationId") ?? throw new FormatException("'organizationId' is required.")),
        }));
    }

    /// <summary>
    /// {"zone","volumes","snapshots","namePrefix","blockVolumes","blockSnapshots","createdAt","tags"}: snapshots are
    /// taken of the first seeded volume of their kind (none: no base volume). "createdAt", a list of ISO 8601
    /// times, seeds one instance snapshot at each instead of "snapshots" ascending ones; "tags" (strings such as
    /// "policy=nightly") are set on the instance snapshots.
    /// </summary>
    private static JsonObject Seed(ScalewayFake fake, JsonObject body)
    {
        var zone = AdminJson.String(body, "zone") ?? ScalewayProvider.DemoZone;
        var prefix = AdminJson.String(body, "namePrefix") ?? "seed-";
        const long size = 20_000_000_000;
        var volumes = Enumerable.Range(1, AdminJson.Count(body, "volumes"))
            .Select(i => fake.AddInstanceVolume(zone, $"{prefix}volume-{i:D3}", size)).ToList();
        var tags = Strings(body, "tags");
        var createdAt = Strings(body, "createdAt")?.Select(Time).ToList();
        if (createdAt is not null && Field(body, "snapshots") is not null)
            throw new FormatException("Give either 'snapshots' (a count) or 'createdAt' (the times), not both.");
        var snapshots = createdAt is null
            ? fake.SeedInstanceSnapshots(zone, AdminJson.Count(body, "snapshots"), prefix, volumes.FirstOrDefault(), tags)
            : fake.SeedInstanceSnapshotsAt(zone, createdAt, prefix, volumes.FirstOrDefault(), tags);
        var blockVolumes = Enumerable.Range(1, AdminJson.Count(body, "blockVolumes"))
            .Select(i => fake.AddBlockVolume(zone, $"{prefix}block-volume-{i:D3}", size)).ToList();
        var blockSnapshots = Enumerable.Range(1, AdminJson.Count(body, "blockSnapshots"))
            .Select(i => fake.AddBlockSnapshot(zone, $"{prefix}block-{i:D3}", blockVolumes.FirstOrDefault())).ToList();
        return new JsonObject
        {
            ["zone"] = zone,
            ["volumes"] = InstanceJson.Strings(volumes),
            ["snapshots"] = InstanceJson.Strings(snapshots),
            ["blockVolumes"] = InstanceJson.Strings(blockVolumes),
            ["blockSnapshots"] = InstanceJson.Strings(blockSnapshots),
        };
    }

    private static List<string>? Strings(JsonObject body, string name) => Field(body, name) switch
    {
        null => null,
        JsonArray items => items.Select(item => item is JsonValue value && value.TryGetValue(out string? text)
            ? text
            : throw new FormatException($"'{name}' must be a list of strings.")).ToList(),
        _ => throw new FormatException($"'{name}' must be a list of strings."),
    };

    private static JsonNode? Field(JsonObject body, string name) =>
        body.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"'{text}' in 'createdAt' is not an ISO 8601 time.");

    /// <summary>{"snapshotDelay","importDelay","exportDelay","blockCreateDelay"} in seconds; absent ones keep their value.</summary>
    private static JsonObject SetTimings(ScalewayTimings timings, JsonObject body)
    {
        timings.SnapshotDelay = AdminJson.Seconds(body, "snapshotDelay") ?? timings.SnapshotDelay;
        timings.ImportDelay = AdminJson.Seconds(body, "importDelay") ?? timings.ImportDelay;
        timings.ExportDelay = AdminJson.Seconds(body, "exportDelay") ?? timings.ExportDelay;
        timings.BlockCreateDelay = AdminJson.Seconds(body, "blockCreateDelay") ?? timings.BlockCreateDelay;
        return new JsonObject
        {
            ["snapshotDelay"] = timings.SnapshotDelay.TotalSeconds,
            ["importDelay"] = timings.ImportDelay.TotalSeconds,
            ["exportDelay"] = timings.ExportDelay.TotalSeconds,
            ["blockCreateDelay"] = timings.BlockCreateDelay.TotalSeconds,
        };
    }
}
