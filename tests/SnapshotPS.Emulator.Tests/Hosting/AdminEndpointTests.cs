using System.Text;

namespace SnapshotPS.Emulator.Tests.Hosting;

public sealed class AdminEndpointTests : EmulatorTestBase
{
    private HttpClient Admin => field ??= NewAdminClient();

    [Fact]
    public async Task Info_lists_the_scaleway_endpoint_and_default_credentials()
    {
        var body = await JsonAsync(await Admin.GetAsync("_emulator"));

        var scaleway = body.GetProperty("providers").GetProperty("scaleway");
        Assert.Equal(Host.ScalewayEndpoint.ToString(), scaleway.GetProperty("endpoint").GetString());
        Assert.Equal(ScalewayFake.DefaultSecretKey, scaleway.GetProperty("secretKey").GetString());
        Assert.Equal(ScalewayFake.DefaultProjectId, scaleway.GetProperty("projectId").GetString());
    }

    [Fact]
    public async Task Posted_fault_rule_is_armed_and_delete_clears_it()
    {
        using var posted = await Admin.PostAsync("_emulator/faults",
            Json("""{"provider":"scaleway","kind":"status","statusCode":429,"retryAfterSeconds":3,"times":0}"""));
        using var faulted = await SendAsync(HttpMethod.Get, InstanceSnapshots);
        using var cleared = await Admin.DeleteAsync("_emulator/faults");
        var (afterClear, _) = await CallAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(200, (int)posted.StatusCode);
        Assert.Equal(429, (int)faulted.StatusCode);
        Assert.Equal("3", faulted.Headers.GetValues("Retry-After").Single());
        Assert.Equal(204, (int)cleared.StatusCode);
        Assert.Equal(200, afterClear);
    }

    [Fact]
    public async Task Posted_fault_rule_with_an_unknown_kind_is_400()
    {
        using var response = await Admin.PostAsync("_emulator/faults", Json("""{"kind":"explode"}"""));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("explode", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Seed_returns_ids_that_the_api_then_lists()
    {
        using var response = await Admin.PostAsync("_emulator/scaleway/seed",
            Json("""{"zone":"fr-par-2","volumes":1,"snapshots":3,"namePrefix":"runbook-","blockVolumes":1,"blockSnapshots":2}"""));
        var seeded = await JsonAsync(response);
        var (_, listed) = await CallAsync(HttpMethod.Get, "instance/v1/zones/fr-par-2/snapshots");
        var (_, blocks) = await CallAsync(HttpMethod.Get, "block/v1/zones/fr-par-2/snapshots");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(
            seeded.GetProperty("snapshots").EnumerateArray().Select(id => id.GetString()),
            listed.GetProperty("snapshots").EnumerateArray().Select(snapshot => snapshot.GetProperty("id").GetString()));
        Assert.Equal(["runbook-001", "runbook-002", "runbook-003"], Names(listed.GetProperty("snapshots")));
        Assert.Equal(seeded.GetProperty("volumes")[0].GetString(),
            listed.GetProperty("snapshots")[0].GetProperty("base_volume").GetProperty("id").GetString());
        Assert.Equal(2, blocks.GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task Timings_are_set_in_seconds()
    {
        using var response = await Admin.PutAsync("_emulator/scaleway/timings", Json("""{"snapshotDelay":0,"exportDelay":1.5}"""));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(TimeSpan.Zero, Scaleway.Timings.SnapshotDelay);
        Assert.Equal(TimeSpan.FromSeconds(1.5), Scaleway.Timings.ExportDelay);
        Assert.Equal(Delay, Scaleway.Timings.ImportDelay);
    }

    [Fact]
    public async Task Requests_lists_what_the_emulator_received()
    {
        await SendAsync(HttpMethod.Get, InstanceSnapshots + "?page=1");

        var body = await JsonAsync(await Admin.GetAsync("_emulator/requests"));

        Assert.Contains(body.EnumerateArray(), request =>
            request.GetProperty("provider").GetString() == "scaleway" && request.GetProperty("query").GetString() == "page=1");
    }

    [Fact]
    public async Task Unknown_root_path_is_404_json()
    {
        using var response = await Admin.GetAsync("nothing/here");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("not_found", (await JsonAsync(response)).GetProperty("type").GetString());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private HttpClient NewAdminClient()
    {
        var client = NewClient(null);
        client.BaseAddress = Host.BaseAddress;
        return client;
    }
}
