using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Koyeb;

/// <summary>Serves Koyeb's volume snapshot API (/v1/snapshots) under /koyeb.</summary>
internal sealed class KoyebProvider(KoyebFake fake) : IProviderFake
{
    public KoyebFake Fake => fake;

    public string Name => "koyeb";

    public void MapEndpoints(RouteGroupBuilder group)
    {
        group.AddEndpointFilter(new KoyebAuthFilter(fake));
        KoyebSnapshotEndpoints.Map(group, fake);
        group.Map("{**path}", (HttpContext context) => KoyebErrors.UnknownPath(context.Request.Path));
    }

    public void MapAdminEndpoints(RouteGroupBuilder adminGroup) => KoyebAdminEndpoints.Map(adminGroup, fake);

    public Task WriteStatusFaultAsync(HttpContext context, int statusCode, string? errorCode) =>
        KoyebErrors.GatewayFault(statusCode, errorCode).ExecuteAsync(context);

    /// <summary>Koyeb request bodies hold no secret: the token travels in the Authorization header only, which is not recorded.</summary>
    public string? RedactRecordedBody(string? body) => body;

    public JsonObject Describe(Uri baseAddress) => new()
    {
        ["endpoint"] = Endpoint(baseAddress),
        ["authHeader"] = "Authorization: Bearer <token>",
        ["token"] = KoyebFake.DefaultToken,
        ["organizationId"] = KoyebFake.DefaultOrganizationId,
        ["region"] = KoyebFake.DefaultRegion,
        ["apis"] = KoyebJson.Strings(["/v1/snapshots", "/v1/snapshots/{id}"]),
        ["admin"] = KoyebJson.Strings(["POST /_emulator/koyeb/seed", "PUT /_emulator/koyeb/timings", "POST /_emulator/koyeb/organizations"]),
    };

    public IEnumerable<string> DescribeForConsole(Uri baseAddress)
    {
        yield return $"Koyeb ({KoyebFake.DefaultRegion}): Connect-SnapshotProvider -Provider Koyeb -Endpoint {Endpoint(baseAddress)} " +
            $"-SecretKey (ConvertTo-SecureString '{KoyebFake.DefaultToken}' -AsPlainText -Force)";
    }

    /// <summary>One 10 GB volume in fra with nightly-001..N snapshots.</summary>
    public IEnumerable<string> SeedDemo(int snapshotCount)
    {
        var volume = fake.AddVolume("data-volume", KoyebFake.DefaultRegion, 10);
        fake.SeedSnapshots(snapshotCount, "nightly-", volume);
        return [$"  seeded volume: {volume} (fra, 10 GB)"];
    }

    private string Endpoint(Uri baseAddress) => new Uri(baseAddress, Name).ToString();
}
