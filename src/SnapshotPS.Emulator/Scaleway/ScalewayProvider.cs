using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;
using SnapshotPS.Emulator.Scaleway.Block;
using SnapshotPS.Emulator.Scaleway.Instance;

namespace SnapshotPS.Emulator.Scaleway;

/// <summary>Serves the Instance API v1 and Block Storage API v1 snapshot routes under /scaleway.</summary>
internal sealed class ScalewayProvider(ScalewayFake fake) : IProviderFake
{
    public const string DemoZone = "fr-par-1";

    public string Name => "scaleway";

    public void MapEndpoints(RouteGroupBuilder group)
    {
        group.AddEndpointFilter(new ScalewayAuthFilter(fake));
        InstanceSnapshotEndpoints.Map(group, fake);
        BlockSnapshotEndpoints.Map(group, fake);
        group.Map("{**path}", (HttpContext context) => ScalewayErrors.UnknownPath(context.Request.Path));
    }

    public void MapAdminEndpoints(RouteGroupBuilder adminGroup) => ScalewayAdminEndpoints.Map(adminGroup, fake);

    public Task WriteStatusFaultAsync(HttpContext context, int statusCode, string? errorCode) =>
        ScalewayErrors.GatewayFault(statusCode, errorCode).ExecuteAsync(context);

    public JsonObject Describe(Uri baseAddress) => new()
    {
        ["endpoint"] = Endpoint(baseAddress),
        ["authHeader"] = ScalewayAuthFilter.HeaderName,
        ["secretKey"] = ScalewayFake.DefaultSecretKey,
        ["accessKey"] = ScalewayFake.DefaultAccessKey,
        ["projectId"] = ScalewayFake.DefaultProjectId,
        ["organizationId"] = ScalewayFake.DefaultOrganizationId,
        ["instanceZones"] = InstanceJson.Strings(ScalewayZones.Instance),
        ["blockZones"] = InstanceJson.Strings(ScalewayZones.Block),
        ["apis"] = InstanceJson.Strings(["/instance/v1/zones/{zone}/snapshots", "/block/v1/zones/{zone}/snapshots"]),
        ["admin"] = InstanceJson.Strings(["POST /_emulator/scaleway/seed", "PUT /_emulator/scaleway/timings", "POST /_emulator/scaleway/fail-next"]),
    };

    public IEnumerable<string> DescribeForConsole(Uri baseAddress)
    {
        yield return $"Scaleway ({DemoZone}): Connect-SnapshotProvider -Provider Scaleway -Endpoint {Endpoint(baseAddress)} " +
            $"-SecretKey (ConvertTo-SecureString '{ScalewayFake.DefaultSecretKey}' -AsPlainText -Force) " +
            $"-ProjectId {ScalewayFake.DefaultProjectId} -Zone {DemoZone}";
    }

    /// <summary>One 20 GB l_ssd volume with nightly-001..N snapshots, one block volume with two snapshots.</summary>
    public IEnumerable<string> SeedDemo(int snapshotCount)
    {
        const long size = 20_000_000_000;
        var volume = fake.AddInstanceVolume(DemoZone, "data-volume", size);
        fake.SeedInstanceSnapshots(DemoZone, snapshotCount, "nightly-", volume);
        var blockVolume = fake.AddBlockVolume(DemoZone, "block-volume", size);
        fake.AddBlockSnapshot(DemoZone, "block-nightly-001", blockVolume);
        fake.AddBlockSnapshot(DemoZone, "block-nightly-002", blockVolume);
        return [$"  seeded volumes: {volume} (instance, l_ssd), {blockVolume} (block, sbs)"];
    }

    private string Endpoint(Uri baseAddress) => new Uri(baseAddress, Name).ToString();
}
