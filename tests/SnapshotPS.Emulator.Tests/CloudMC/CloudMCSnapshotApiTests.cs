using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.CloudMC;

public sealed class CloudMCSnapshotApiTests : CloudMCTestBase
{
    [Fact]
    public async Task List_is_a_data_envelope_with_the_documented_fields_and_record_count()
    {
        var volume = CloudMC.AddVolume(name: "ROOT-35545", type: "ROOT");
        var ids = CloudMC.SeedSnapshots(volume, 3, "nightly-");

        var (status, body) = await McAsync(HttpMethod.Get, Snapshots);

        Assert.Equal(200, status);
        Assert.Equal(3, body.GetProperty("metadata").GetProperty("recordCount").GetInt32());
        Assert.False(body.GetProperty("metadata").TryGetProperty("pageCurrent", out _));
        var first = body.GetProperty("data")[0];
        Assert.Equal(ids[0], first.GetProperty("id").GetString());
        Assert.Equal("nightly-001", first.GetProperty("name").GetString());
        Assert.Equal("BackedUp", first.GetProperty("state").GetString());
        Assert.Equal("MANUAL", first.GetProperty("intervalType").GetString());
        Assert.Equal(volume, first.GetProperty("volumeId").GetString());
        Assert.Equal("ROOT-35545", first.GetProperty("volume").GetString());
        Assert.Equal("ROOT", first.GetProperty("volumeType").GetString());
    }

    [Fact]
    public async Task Volume_id_filters_the_list()
    {
        var a = CloudMC.AddVolume(name: "A");
        var b = CloudMC.AddVolume(name: "B");
        CloudMC.SeedSnapshots(a, 2, "a-");
        CloudMC.SeedSnapshots(b, 5, "b-");

        var (_, body) = await McAsync(HttpMethod.Get, $"{Snapshots}?volume_id={b}");

        Assert.Equal(5, body.GetProperty("metadata").GetProperty("recordCount").GetInt32());
        Assert.All(body.GetProperty("data").EnumerateArray(), s => Assert.Equal(b, s.GetProperty("volumeId").GetString()));
    }

    [Fact]
    public async Task Page_number_and_size_serve_one_slice_with_paging_metadata()
    {
        var volume = CloudMC.AddVolume();
        var ids = CloudMC.SeedSnapshots(volume, 250);

        var (_, body) = await McAsync(HttpMethod.Get, $"{Snapshots}?page_number=3&page_size=100");

        var data = body.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Skip(200), data);
        var metadata = body.GetProperty("metadata");
        Assert.Equal(250, metadata.GetProperty("recordCount").GetInt32());
        Assert.Equal(100, metadata.GetProperty("pageSize").GetInt32());
        Assert.Equal(3, metadata.GetProperty("pageCurrent").GetInt32());
    }

    [Theory]
    [InlineData("page_size=0")]
    [InlineData("page_number=-1")]
    [InlineData("volume_id=not-a-uuid")]
    public async Task Bad_list_parameters_are_400_errors(string query)
    {
        var (status, body) = await McAsync(HttpMethod.Get, $"{Snapshots}?{query}");

        AssertErrors(status, body, 400, 2014);
    }

    [Fact]
    public async Task Get_returns_the_snapshot_in_data_and_an_unknown_id_is_404_with_errors()
    {
        var id = CloudMC.SeedSnapshots(CloudMC.AddVolume(), 1)[0];

        var (status, body) = await McAsync(HttpMethod.Get, $"{Snapshots}/{id}");
        Assert.Equal(200, status);
        Assert.Equal(id, body.GetProperty("data").GetProperty("id").GetString());

        var unknown = Guid.NewGuid().ToString();
        (status, body) = await McAsync(HttpMethod.Get, $"{Snapshots}/{unknown}");
        var entry = AssertErrors(status, body, 404, 2011);
        Assert.Equal(unknown, entry.GetProperty("context").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Unknown_environment_service_version_and_path_are_404_with_errors()
    {
        AssertErrorsOf(await McAsync(HttpMethod.Get, "services/compute-on/nowhere/snapshots"), 404);
        AssertErrorsOf(await McAsync(HttpMethod.Get, "services/edge-services/test_area/snapshots"), 404);
        AssertErrorsOf(await McAsync(HttpMethod.Get, "services/compute-on/test_area/nothing"), 404);
        var (status, _) = await McAsync(HttpMethod.Get, Snapshots, client: CloudMCClient(CloudMCFake.DefaultApiKey, "v9"));
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task The_v1_prefix_of_older_deployments_is_served_too()
    {
        CloudMC.SeedSnapshots(CloudMC.AddVolume(), 2);

        var (status, body) = await McAsync(HttpMethod.Get, Snapshots, client: CloudMCClient(CloudMCFake.DefaultApiKey, "v1"));

        Assert.Equal(200, status);
        Assert.Equal(2, body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_wrong_verb_is_405_with_errors()
    {
        var id = CloudMC.SeedSnapshots(CloudMC.AddVolume(), 1)[0];

        AssertErrorsOf(await McAsync(HttpMethod.Put, $"{Snapshots}/{id}", "{}"), 405);
    }

    [Fact]
    public async Task Delete_answers_a_task_the_snapshot_is_destroying_then_gone_and_the_task_succeeds()
    {
        var id = CloudMC.SeedSnapshots(CloudMC.AddVolume(), 1)[0];

        var (status, body) = await McAsync(HttpMethod.Delete, $"{Snapshots}/{id}");

        Assert.Equal(200, status);
        var taskId = body.GetProperty("taskId").GetString()!;
        Assert.Equal("PENDING", body.GetProperty("taskStatus").GetString());
        Assert.Equal("Destroying", await StateOfAsync(id));
        Assert.Equal("PENDING", (await TaskAsync(taskId)).GetProperty("data").GetProperty("status").GetString());

        Clock.Advance(Destroying);
        Assert.Equal(404, (await McAsync(HttpMethod.Get, $"{Snapshots}/{id}")).Status);
        Assert.Equal(0, (await McAsync(HttpMethod.Get, Snapshots)).Body.GetProperty("data").GetArrayLength());
        Assert.Equal("SUCCESS", (await TaskAsync(taskId)).GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Delete_of_a_snapshot_still_creating_is_400_with_its_state_in_context()
    {
        var (_, id) = await CreateAsync(CloudMC.AddVolume(), "busy");

        var (status, body) = await McAsync(HttpMethod.Delete, $"{Snapshots}/{id}");

        var context = AssertErrors(status, body, 400, 2012).GetProperty("context");
        Assert.Equal("Creating", context.GetProperty("currentState").GetString());
        Assert.Equal("snapshots", context.GetProperty("type").GetString());
        Assert.Contains("BackedUp", context.GetProperty("expectedStates").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Injected_status_faults_carry_the_cloudmc_error_body()
    {
        Host.Faults.Add(new FaultRule { Provider = "cloudmc", Kind = FaultKind.Status, StatusCode = 503 });

        var (status, body) = await McAsync(HttpMethod.Get, Snapshots);

        AssertErrors(status, body, 503, 503);
    }

    private static void AssertErrorsOf((int Status, JsonElement Body) reply, int status)
    {
        Assert.Equal(status, reply.Status);
        Assert.True(reply.Body.GetProperty("errors").GetArrayLength() > 0);
    }
}
