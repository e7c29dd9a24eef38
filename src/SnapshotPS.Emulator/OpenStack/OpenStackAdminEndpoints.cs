using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.OpenStack;

/// <summary>/_emulator/openstack: seed identities, volumes and snapshots; change timings, quotas and the catalog; arm failures; end tokens.</summary>
internal static class OpenStackAdminEndpoints
{
    public static readonly IReadOnlyList<string> Routes =
    [
        "POST /_emulator/openstack/seed", "POST /_emulator/openstack/domains", "POST /_emulator/openstack/projects", "POST /_emulator/openstack/users",
        "POST /_emulator/openstack/application-credentials", "POST /_emulator/openstack/volumes", "POST /_emulator/openstack/snapshots",
        "PUT /_emulator/openstack/timings", "PUT /_emulator/openstack/quotas", "PUT /_emulator/openstack/catalog",
        "POST /_emulator/openstack/fail-next", "POST /_emulator/openstack/tokens/expire", "POST /_emulator/openstack/tokens/revoke",
    ];

    public static void Map(RouteGroupBuilder admin, OpenStackFake fake)
    {
        admin.MapPost("/seed", (HttpRequest request) => AdminJson.Guarded(request, body => Seed(fake, body)));
        admin.MapPost("/domains", (HttpRequest request) => AdminJson.Guarded(request, body =>
            new JsonObject { ["id"] = fake.AddDomain(Required(body, "name"), AdminJson.String(body, "id"), AdminJson.Boolean(body, "enabled") ?? true) }));
        admin.MapPost("/projects", (HttpRequest request) => AdminJson.Guarded(request, body => new JsonObject
        {
            ["id"] = fake.AddProject(Required(body, "name"), AdminJson.String(body, "domain") ?? OpenStackFake.DefaultDomainId,
                AdminJson.String(body, "id"), AdminJson.Boolean(body, "enabled") ?? true),
        }));
        admin.MapPost("/users", (HttpRequest request) => AdminJson.Guarded(request, body => AddUser(fake, body)));
        admin.MapPost("/application-credentials", (HttpRequest request) => AdminJson.Guarded(request, body =>
        {
            var expiresAt = AdminJson.String(body, "expiresAt") is { } text
                ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
                : (DateTimeOffset?)null;
            var (id, secret) = fake.AddApplicationCredential(Required(body, "user"), Required(body, "name"), AdminJson.String(body, "secret"),
                AdminJson.String(body, "id"), AdminJson.String(body, "project"), Strings(body, "roles"), expiresAt,
                AdminJson.Boolean(body, "restricted") ?? true);
            return new JsonObject { ["id"] = id, ["secret"] = secret };
        }));
        admin.MapPost("/volumes", (HttpRequest request) => AdminJson.Guarded(request, body =>
        {
            var ids = Enumerable.Range(1, AdminJson.Integer(body, "count") ?? 1).Select(_ => fake.AddVolume(
                AdminJson.String(body, "project") ?? OpenStackFake.DemoProjectId, AdminJson.String(body, "region") ?? OpenStackFake.RegionOne,
                AdminJson.String(body, "name") ?? "data-volume", AdminJson.Integer(body, "size") ?? 10, AdminJson.String(body, "status") ?? "available")).ToList();
            return new JsonObject { ["volumes"] = Array(ids) };
        }));
        admin.MapPost("/snapshots", (HttpRequest request) => AdminJson.Guarded(request, body => SeedSnapshots(fake, body)));
        admin.MapPut("/timings", (HttpRequest request) => AdminJson.Guarded(request, body => SetTimings(fake.Timings, body)));
        admin.MapPut("/quotas", (HttpRequest request) => AdminJson.Guarded(request, body =>
        {
            fake.SetQuota(Required(body, "project"), AdminJson.Integer(body, "snapshots") ?? -1, AdminJson.Integer(body, "gigabytes") ?? -1);
            return new JsonObject { ["set"] = true };
        }));
        admin.MapPut("/catalog", (HttpRequest request) => AdminJson.Guarded(request, body =>
        {
            fake.SetCatalog(Strings(body, "serviceTypes"), AdminJson.Boolean(body, "projectIdInUrl"));
            return new JsonObject { ["serviceTypes"] = Array(fake.CatalogServiceTypes), ["projectIdInUrl"] = fake.CatalogProjectIdInUrl };
        }));
        admin.MapPost("/fail-next", (HttpRequest request) => AdminJson.Guarded(request, body =>
        {
            fake.FailNext(AdminJson.Count(body, "creates"), AdminJson.Count(body, "deletes"));
            return new JsonObject { ["armed"] = true };
        }));
        admin.MapPost("/tokens/expire", (HttpRequest request) => AdminJson.Guarded(request, body =>
            new JsonObject { ["expired"] = fake.ExpireTokens(AdminJson.String(body, "user")) }));
        admin.MapPost("/tokens/revoke", (HttpRequest request) => AdminJson.Guarded(request, body =>
            new JsonObject { ["revoked"] = fake.RevokeTokens(AdminJson.String(body, "user")) }));
    }

    /// <summary>{"name","password","domain","id","defaultProject","enabled","roles":[{"role","project"|"domain"|"system":true}]}.</summary>
    private static JsonObject AddUser(OpenStackFake fake, JsonObject body)
    {
        var id = fake.AddUser(Required(body, "name"), Required(body, "password"), AdminJson.String(body, "domain") ?? OpenStackFake.DefaultDomainId,
            AdminJson.String(body, "id"), AdminJson.String(body, "defaultProject"), AdminJson.Boolean(body, "enabled") ?? true);
        if (Field(body, "roles") is { } roles)
        {
            foreach (var grant in roles as JsonArray ?? throw new FormatException("'roles' must be a list of objects."))
            {
                var assignment = grant as JsonObject ?? throw new FormatException("'roles' must be a list of objects.");
                var role = Required(assignment, "role");
                if (AdminJson.String(assignment, "project") is { } project) fake.AssignProjectRole(id, project, role);
                else if (AdminJson.String(assignment, "domain") is { } domain) fake.AssignDomainRole(id, domain, role);
                else if (AdminJson.Boolean(assignment, "system") == true) fake.AssignSystemRole(id, role);
                else throw new FormatException("Each role needs 'project', 'domain' or \"system\": true.");
            }
        }

        return new JsonObject { ["id"] = id };
    }

    /// <summary>{"volumeId" | ("project","region","size"), "count","namePrefix","status","metadata":{}}: without volumeId a volume is seeded first.</summary>
    private static JsonObject SeedSnapshots(OpenStackFake fake, JsonObject body)
    {
        var volumeId = AdminJson.String(body, "volumeId") ?? fake.AddVolume(AdminJson.String(body, "project") ?? OpenStackFake.DemoProjectId,
            AdminJson.String(body, "region") ?? OpenStackFake.RegionOne, "data-volume", AdminJson.Integer(body, "size") ?? 10);
        var metadata = Field(body, "metadata") switch
        {
            null => null,
            JsonObject pairs => pairs.ToDictionary(pair => pair.Key, pair => KeystoneText(pair.Value) ?? throw new FormatException("'metadata' values must be strings.")),
            _ => throw new FormatException("'metadata' must be an object of strings."),
        };
        var ids = fake.SeedSnapshots(volumeId, AdminJson.Count(body, "count"), AdminJson.String(body, "namePrefix") ?? "seed-",
            AdminJson.String(body, "status") ?? "available", metadata);
        return new JsonObject { ["volumeId"] = volumeId, ["snapshots"] = Array(ids) };
    }

    /// <summary>
    /// {"region","project","volumes","snapshots","namePrefix","size","status"}, as the other fakes' /seed: "volumes"
    /// volumes (at least one when snapshots are asked for), and "snapshots" snapshots of the first.
    /// </summary>
    private static JsonObject Seed(OpenStackFake fake, JsonObject body)
    {
        var region = AdminJson.String(body, "region") ?? OpenStackFake.RegionOne;
        var project = AdminJson.String(body, "project") ?? OpenStackFake.DemoProjectId;
        var prefix = AdminJson.String(body, "namePrefix") ?? "seed-";
        var snapshotCount = AdminJson.Count(body, "snapshots");
        var volumeCount = Math.Max(AdminJson.Count(body, "volumes"), snapshotCount > 0 ? 1 : 0);
        var volumes = Enumerable.Range(1, volumeCount)
            .Select(i => fake.AddVolume(project, region, $"{prefix}volume-{i:D3}", AdminJson.Integer(body, "size") ?? 10)).ToList();
        var snapshots = snapshotCount == 0
            ? []
            : fake.SeedSnapshots(volumes[0], snapshotCount, prefix, AdminJson.String(body, "status") ?? "available");
        return new JsonObject { ["region"] = region, ["volumes"] = Array(volumes), ["snapshots"] = Array(snapshots) };
    }

    /// <summary>{"snapshotDelay","deleteDelay","tokenLifetime"} in seconds; absent ones keep their value.</summary>
    private static JsonObject SetTimings(OpenStackTimings timings, JsonObject body)
    {
        timings.SnapshotDelay = AdminJson.Seconds(body, "snapshotDelay") ?? timings.SnapshotDelay;
        timings.DeleteDelay = AdminJson.Seconds(body, "deleteDelay") ?? timings.DeleteDelay;
        timings.TokenLifetime = AdminJson.Seconds(body, "tokenLifetime") ?? timings.TokenLifetime;
        return new JsonObject
        {
            ["snapshotDelay"] = timings.SnapshotDelay.TotalSeconds,
            ["deleteDelay"] = timings.DeleteDelay.TotalSeconds,
            ["tokenLifetime"] = timings.TokenLifetime.TotalSeconds,
        };
    }

    private static string Required(JsonObject body, string name) => AdminJson.String(body, name) ?? throw new FormatException($"'{name}' is required.");

    private static List<string>? Strings(JsonObject body, string name) => Field(body, name) switch
    {
        null => null,
        JsonArray items => items.Select(item => KeystoneText(item) ?? throw new FormatException($"'{name}' must be a list of strings.")).ToList(),
        _ => throw new FormatException($"'{name}' must be a list of strings."),
    };

    private static string? KeystoneText(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static JsonArray Array(IEnumerable<string> items) => new(items.Select(item => (JsonNode)item).ToArray());

    private static JsonNode? Field(JsonObject body, string name) =>
        body.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
