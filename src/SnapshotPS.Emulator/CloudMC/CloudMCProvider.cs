using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.CloudMC;

/// <summary>Serves CloudMC's compute-on snapshot routes and tasks under /cloudmc/api/v2 (and /api/v1).</summary>
internal sealed class CloudMCProvider(CloudMCFake fake) : IProviderFake
{
    public string Name => "cloudmc";

    public CloudMCFake Fake => fake;

    /// <summary>BaseAddress + "cloudmc/api/v2", the API root a client is given.</summary>
    public static Uri Endpoint(Uri baseAddress) => new(baseAddress, "cloudmc/api/v2");

    public void MapEndpoints(RouteGroupBuilder group)
    {
        group.AddEndpointFilter(new CloudMCAuthFilter(fake));
        CloudMCSnapshotEndpoints.Map(group, fake);
        CloudMCSnapshotCreate.Map(group, fake);
        CloudMCTaskEndpoints.Map(group, fake);
        var environment = CloudMCSnapshotEndpoints.Environment;
        group.MapMethods(environment + "/snapshots", ["PUT", "PATCH", "DELETE"], () => WrongVerb());
        group.MapMethods(environment + "/snapshots/{id}", ["PUT", "PATCH", "POST"], () => WrongVerb());
        group.Map("{**path}", (HttpContext context) => CloudMCErrors.UnknownPath(fake.Dialect, context.Request.Path));
    }

    /// <summary>The API key travels in the MC-Api-Key header only, which the log does not keep; no CloudMC body carries a secret.</summary>
    public string? RedactRecordedBody(string? body) => body;

    public void MapAdminEndpoints(RouteGroupBuilder adminGroup) => CloudMCAdminEndpoints.Map(adminGroup, fake);

    public Task WriteStatusFaultAsync(HttpContext context, int statusCode, string? errorCode) =>
        CloudMCErrors.Fault(fake.Dialect, statusCode, errorCode).ExecuteAsync(context);

    public JsonObject Describe(Uri baseAddress) => new()
    {
        ["endpoint"] = Endpoint(baseAddress).ToString(),
        ["authHeader"] = CloudMCAuthFilter.HeaderName,
        ["apiKey"] = CloudMCFake.DefaultApiKey,
        ["organizationId"] = CloudMCFake.DefaultOrganizationId,
        ["serviceCode"] = CloudMCFake.DefaultServiceCode,
        ["environment"] = CloudMCFake.DefaultEnvironment,
        ["apis"] = new JsonArray("/api/{v1|v2}/services/{service_code}/{environment_name}/snapshots[/{id}]",
            "/api/{v1|v2}/services/{service_code}/{environment_name}/volumes/{id}?operation=createSnapshotFromVolume", "/api/{v1|v2}/tasks/{id}"),
        ["admin"] = new JsonArray("POST /_emulator/cloudmc/seed", "POST /_emulator/cloudmc/organizations", "POST /_emulator/cloudmc/environments",
            "POST /_emulator/cloudmc/volumes", "PUT /_emulator/cloudmc/timings", "PUT /_emulator/cloudmc/dialect", "POST /_emulator/cloudmc/fail-next"),
    };

    public IEnumerable<string> DescribeForConsole(Uri baseAddress)
    {
        yield return $"CloudMC ({CloudMCFake.DefaultServiceCode}/{CloudMCFake.DefaultEnvironment}): Connect-SnapshotProvider -Provider CloudMC -Endpoint {Endpoint(baseAddress)} " +
            $"-SecretKey (ConvertTo-SecureString '{CloudMCFake.DefaultApiKey}' -AsPlainText -Force) " +
            $"-ServiceCode {CloudMCFake.DefaultServiceCode} -Environment {CloudMCFake.DefaultEnvironment}";
    }

    /// <summary>One Ready volume with nightly-001..N BackedUp snapshots in the default environment.</summary>
    public IEnumerable<string> SeedDemo(int snapshotCount)
    {
        var volume = fake.AddVolume(name: "DATA-demo", instanceName: "i-demo-1");
        fake.SeedSnapshots(volume, snapshotCount, "nightly-");
        return [$"  seeded volume: {volume} (Ready, in {CloudMCFake.DefaultEnvironment})"];
    }

    private IResult WrongVerb() =>
        CloudMCErrors.Error(fake.Dialect, StatusCodes.Status405MethodNotAllowed, CloudMCError.MethodNotAllowed, "This method is not allowed on this entity");
}
