using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.CloudMC;

public sealed class CloudMCCreateAndTaskTests : CloudMCTestBase
{
    [Fact]
    public async Task Create_answers_a_pending_task_and_the_snapshot_goes_creating_backing_up_backed_up()
    {
        var volume = CloudMC.AddVolume();
        var (taskId, id) = await CreateAsync(volume, "BeforeUpgradeToV2");

        Assert.Equal("Creating", await StateOfAsync(id));
        var pending = (await TaskAsync(taskId)).GetProperty("data");
        Assert.Equal("PENDING", pending.GetProperty("status").GetString());
        Assert.Equal(taskId, pending.GetProperty("id").GetString());
        Assert.False(pending.TryGetProperty("result", out _));

        Clock.Advance(Creating);
        Assert.Equal("BackingUp", await StateOfAsync(id));
        Assert.Equal("PENDING", (await TaskAsync(taskId)).GetProperty("data").GetProperty("status").GetString());

        Clock.Advance(BackingUp);
        Assert.Equal("BackedUp", await StateOfAsync(id));
        var done = (await TaskAsync(taskId)).GetProperty("data");
        Assert.Equal("SUCCESS", done.GetProperty("status").GetString());
        Assert.Equal(id, done.GetProperty("result").GetProperty("id").GetString());
        Assert.Equal("BeforeUpgradeToV2", done.GetProperty("result").GetProperty("name").GetString());
        Assert.True(done.TryGetProperty("created", out _));
    }

    [Fact]
    public async Task A_rapid_snapshot_skips_backing_up()
    {
        var (_, id) = await CreateAsync(CloudMC.AddVolume(), "fast", rapid: true);

        Clock.Advance(Creating);

        Assert.Equal("BackedUp", await StateOfAsync(id));
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("FAILURE")]
    public async Task An_armed_failure_ends_in_Error_and_the_task_in_the_chosen_spelling(string spelling)
    {
        CloudMC.Dialect.TaskFailureStatus = spelling;
        CloudMC.FailNextSnapshots(1);
        var (taskId, id) = await CreateAsync(CloudMC.AddVolume(), "doomed");

        Clock.Advance(Creating);

        Assert.Equal("Error", await StateOfAsync(id));
        Assert.Equal(spelling, (await TaskAsync(taskId)).GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_dialect_switch_serves_the_docs_flat_task_shape()
    {
        var (taskId, id) = await CreateAsync(CloudMC.AddVolume(), "flat");
        var (status, _) = await Admin(HttpMethod.Put, "dialect", """{"wrappedTasks":false}""");
        Assert.Equal(200, status);
        Clock.Advance(Creating + BackingUp);

        var task = await TaskAsync(taskId);

        Assert.Equal(taskId, task.GetProperty("taskId").GetString());
        Assert.Equal("SUCCESS", task.GetProperty("taskStatus").GetString());
        Assert.Equal(id, task.GetProperty("result").GetProperty("id").GetString());
        Assert.False(task.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Tasks_are_forgotten_after_thirty_minutes()
    {
        var (taskId, _) = await CreateAsync(CloudMC.AddVolume(), "old");

        Clock.Advance(TimeSpan.FromMinutes(31));

        var (status, body) = await McAsync(HttpMethod.Get, "tasks/" + taskId);
        AssertErrors(status, body, 404, 2011);
    }

    [Fact]
    public async Task Without_a_name_the_snapshot_is_named_instance_volume_timestamp()
    {
        var volume = CloudMC.AddVolume(name: "RapidVol", instanceName: "i-root-6E7");

        var (status, _) = await McAsync(HttpMethod.Post, Snapshots + "?operation=create", $$"""{"volumeId":"{{volume}}"}""");

        Assert.Equal(200, status);
        var (_, list) = await McAsync(HttpMethod.Get, Snapshots);
        Assert.Equal("i-root-6E7_RapidVol_20260301120000", list.GetProperty("data")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Create_from_the_volume_takes_the_snapshot_object()
    {
        var volume = CloudMC.AddVolume();

        var (status, body) = await McAsync(HttpMethod.Post, $"services/compute-on/test_area/volumes/{volume}?operation=createSnapshotFromVolume",
            """{"snapshot":{"name":"from-volume","rapid":true}}""");

        Assert.Equal(200, status);
        Assert.Equal("PENDING", body.GetProperty("taskStatus").GetString());
        var (_, list) = await McAsync(HttpMethod.Get, Snapshots);
        Assert.Equal("from-volume", list.GetProperty("data")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_volume_that_is_not_Ready_is_400_with_the_documented_context()
    {
        var volume = CloudMC.AddVolume(state: "Allocated");

        var (status, body) = await McAsync(HttpMethod.Post, Snapshots + "?operation=create", $$"""{"volumeId":"{{volume}}"}""");

        var context = AssertErrors(status, body, 400, 2012).GetProperty("context");
        Assert.Equal(volume, context.GetProperty("id").GetString());
        Assert.Equal("Allocated", context.GetProperty("currentState").GetString());
        Assert.Equal("Ready", context.GetProperty("expectedStates")[0].GetString());
        Assert.Equal("volumes", context.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("""{}""", 2015)]
    [InlineData("""{"volumeId":"nope"}""", 2014)]
    [InlineData("""{"volumeId":"VOLUME","rapid":"yes"}""", 2014)]
    [InlineData("""{"volumeId":"VOLUME","name":""}""", 2014)]
    [InlineData("""[1]""", 2014)]
    public async Task Bad_create_bodies_are_400_errors(string json, int code)
    {
        var volume = CloudMC.AddVolume();

        var (status, body) = await McAsync(HttpMethod.Post, Snapshots + "?operation=create", json.Replace("VOLUME", volume));

        AssertErrors(status, body, 400, code);
        Assert.Equal(0, CloudMC.SnapshotCount());
    }

    [Fact]
    public async Task An_unknown_volume_is_404_and_a_taken_name_400()
    {
        var (status, body) = await McAsync(HttpMethod.Post, Snapshots + "?operation=create", $$"""{"volumeId":"{{Guid.NewGuid()}}"}""");
        AssertErrors(status, body, 404, 2011);

        var volume = CloudMC.AddVolume();
        CloudMC.SeedSnapshots(volume, 1, "taken-");
        (status, body) = await McAsync(HttpMethod.Post, Snapshots + "?operation=create", $$"""{"volumeId":"{{volume}}","name":"taken-001"}""");
        AssertErrors(status, body, 400, 2013);
    }

    [Fact]
    public async Task An_unknown_operation_is_refused()
    {
        var volume = CloudMC.AddVolume();

        var (status, body) = await McAsync(HttpMethod.Post, Snapshots + "?operation=explode", $$"""{"volumeId":"{{volume}}"}""");

        AssertErrors(status, body, 400, 2016);
    }

    [Fact]
    public async Task Hidden_while_creating_lists_the_snapshot_only_once_its_task_has_ended()
    {
        CloudMC.Dialect.ListWhileCreating = false;
        var volume = CloudMC.AddVolume();
        var (status, body) = await McAsync(HttpMethod.Post, Snapshots + "?operation=create", $$"""{"volumeId":"{{volume}}","name":"late"}""");
        Assert.Equal(200, status);
        var taskId = body.GetProperty("taskId").GetString()!;

        Assert.Equal(0, (await McAsync(HttpMethod.Get, Snapshots)).Body.GetProperty("data").GetArrayLength());
        Clock.Advance(Creating + BackingUp);

        var result = (await TaskAsync(taskId)).GetProperty("data").GetProperty("result").GetProperty("id").GetString()!;
        Assert.Equal("BackedUp", await StateOfAsync(result));
    }

    private async Task<(int Status, JsonElement Body)> Admin(HttpMethod method, string path, string json)
    {
        using var admin = new HttpClient { BaseAddress = Host.BaseAddress };
        using var response = await SendAsync(admin, method, "_emulator/cloudmc/" + path, json);
        return ((int)response.StatusCode, await JsonAsync(response));
    }
}
