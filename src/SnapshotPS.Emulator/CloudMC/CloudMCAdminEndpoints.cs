using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.CloudMC;

/// <summary>/_emulator/cloudmc: organizations, environments, volumes and snapshots; timings, dialect and failures.</summary>
internal static class CloudMCAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin, CloudMCFake fake)
    {
        admin.MapPost("/seed", (HttpRequest request) => AdminJson.Guarded(request, body => Seed(fake, body)));
        admin.MapPost("/organizations", (HttpRequest request) => AdminJson.Guarded(request, body => new JsonObject
        {
            ["id"] = fake.AddOrganization(AdminJson.String(body, "parentId"), AdminJson.String(body, "apiKey")),
        }));
        admin.MapPost("/environments", (HttpRequest request) => AdminJson.Guarded(request, body =>
        {
            var name = AdminJson.String(body, "name") ?? throw new FormatException("'name' is required.");
            fake.AddEnvironment(name, AdminJson.String(body, "serviceCode") ?? CloudMCFake.DefaultServiceCode, AdminJson.String(body, "organizationId"));
            return new JsonObject { ["name"] = name };
        }));
        admin.MapPost("/volumes", (HttpRequest request) => AdminJson.Guarded(request, body => new JsonObject
        {
            ["id"] = fake.AddVolume(AdminJson.String(body, "environment") ?? CloudMCFake.DefaultEnvironment, AdminJson.String(body, "name") ?? "DATA-1",
                AdminJson.String(body, "state") ?? "Ready", AdminJson.String(body, "instanceName") ?? "i-emulator-1", AdminJson.String(body, "type") ?? "DATADISK",
                AdminJson.String(body, "serviceCode") ?? CloudMCFake.DefaultServiceCode, AdminJson.String(body, "organizationId")),
        }));
        admin.MapPut("/timings", (HttpRequest request) => AdminJson.Guarded(request, body => SetTimings(fake.Timings, body)));
        admin.MapPut("/dialect", (HttpRequest request) => AdminJson.Guarded(request, body => SetDialect(fake.Dialect, body)));
        admin.MapPost("/fail-next", (HttpRequest request) => AdminJson.Guarded(request, body =>
        {
            fake.FailNextSnapshots(AdminJson.Integer(body, "count") ?? 1);
            return new JsonObject { ["armed"] = true };
        }));
    }

    /// <summary>
    /// {"environment","serviceCode","organizationId","volumes","snapshots","namePrefix"}: the environment is
    /// added when missing, "volumes" Ready volumes are added (at least one when snapshots are asked for),
    /// and "snapshots" BackedUp snapshots are taken of the first.
    /// </summary>
    private static JsonObject Seed(CloudMCFake fake, JsonObject body)
    {
        var environment = AdminJson.String(body, "environment") ?? CloudMCFake.DefaultEnvironment;
        var service = AdminJson.String(body, "serviceCode") ?? CloudMCFake.DefaultServiceCode;
        var organization = AdminJson.String(body, "organizationId");
        var prefix = AdminJson.String(body, "namePrefix") ?? "seed-";
        var snapshotCount = AdminJson.Count(body, "snapshots");
        var volumeCount = Math.Max(AdminJson.Count(body, "volumes"), snapshotCount > 0 ? 1 : 0);
        fake.AddEnvironment(environment, service, organization);
        var volumes = Enumerable.Range(1, volumeCount)
            .Select(i => fake.AddVolume(environment, $"{prefix}DATA-{i}", instanceName: $"i-{prefix}{i}", serviceCode: service, organizationId: organization)).ToList();
        var snapshots = snapshotCount == 0 ? [] : fake.SeedSnapshots(volumes[0], snapshotCount, prefix);
        return new JsonObject
        {
            ["environment"] = environment,
            ["serviceCode"] = service,
            ["volumes"] = new JsonArray(volumes.Select(id => (JsonNode)id).ToArray()),
            ["snapshots"] = new JsonArray(snapshots.Select(id => (JsonNode)id).ToArray()),
        };
    }

    /// <summary>{"creatingDelay","backingUpDelay","destroyingDelay","taskRetention"} in seconds; absent ones keep their value.</summary>
    private static JsonObject SetTimings(CloudMCTimings timings, JsonObject body)
    {
        timings.CreatingDelay = AdminJson.Seconds(body, "creatingDelay") ?? timings.CreatingDelay;
        timings.BackingUpDelay = AdminJson.Seconds(body, "backingUpDelay") ?? timings.BackingUpDelay;
        timings.DestroyingDelay = AdminJson.Seconds(body, "destroyingDelay") ?? timings.DestroyingDelay;
        timings.TaskRetention = AdminJson.Seconds(body, "taskRetention") ?? timings.TaskRetention;
        return new JsonObject
        {
            ["creatingDelay"] = timings.CreatingDelay.TotalSeconds,
            ["backingUpDelay"] = timings.BackingUpDelay.TotalSeconds,
            ["destroyingDelay"] = timings.DestroyingDelay.TotalSeconds,
            ["taskRetention"] = timings.TaskRetention.TotalSeconds,
        };
    }

    /// <summary>{"taskFailureStatus": "FAILED"|"FAILURE", "wrappedTasks", "numericErrorCodes", "authFailureStatus": 401|403, "listWhileCreating"}.</summary>
    private static JsonObject SetDialect(CloudMCDialect dialect, JsonObject body)
    {
        if (AdminJson.String(body, "taskFailureStatus") is { } failure)
        {
            dialect.TaskFailureStatus = failure.ToUpperInvariant() is "FAILED" or "FAILURE"
                ? failure.ToUpperInvariant()
                : throw new FormatException("'taskFailureStatus' is FAILED or FAILURE.");
        }

        if (AdminJson.Integer(body, "authFailureStatus") is { } status)
            dialect.AuthFailureStatus = status is 401 or 403 ? status : throw new FormatException("'authFailureStatus' is 401 or 403.");
        dialect.WrappedTasks = AdminJson.Boolean(body, "wrappedTasks") ?? dialect.WrappedTasks;
        dialect.NumericErrorCodes = AdminJson.Boolean(body, "numericErrorCodes") ?? dialect.NumericErrorCodes;
        dialect.ListWhileCreating = AdminJson.Boolean(body, "listWhileCreating") ?? dialect.ListWhileCreating;
        return new JsonObject
        {
            ["taskFailureStatus"] = dialect.TaskFailureStatus,
            ["wrappedTasks"] = dialect.WrappedTasks,
            ["numericErrorCodes"] = dialect.NumericErrorCodes,
            ["authFailureStatus"] = dialect.AuthFailureStatus,
            ["listWhileCreating"] = dialect.ListWhileCreating,
        };
    }
}
