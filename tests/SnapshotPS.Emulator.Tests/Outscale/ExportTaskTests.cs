using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Tests.Outscale;

public sealed class ExportTaskTests : OutscaleTestBase
{
    private const string ApiSecret = "OOS-SECRET-never-logged-0123456789";

    [Fact]
    public async Task Create_answers_a_pending_task_with_the_spec_shape_and_no_api_key()
    {
        var id = Outscale.SeedSnapshots(1).Single();

        var body = await OkAsync("CreateSnapshotExportTask", ExportBody(id));

        var task = body.GetProperty("SnapshotExportTask");
        Assert.Matches("^snap-export-[0-9a-f]{8}$", task.GetProperty("TaskId").GetString());
        Assert.Equal(id, task.GetProperty("SnapshotId").GetString());
        Assert.Equal("pending", State(task));
        Assert.Equal(0, Progress(task));
        Assert.Equal($"Export of snapshot {id}", task.GetProperty("Comment").GetString());
        Assert.Equal(0, task.GetProperty("Tags").GetArrayLength());
        var osuExport = task.GetProperty("OsuExport");
        Assert.Equal("qcow2", osuExport.GetProperty("DiskImageFormat").GetString());
        Assert.Equal("backups", osuExport.GetProperty("OsuBucket").GetString());
        Assert.Equal("daily/", osuExport.GetProperty("OsuPrefix").GetString());
        Assert.False(osuExport.TryGetProperty("OsuApiKey", out _));
        Assert.DoesNotContain(ApiSecret, body.ToString());
    }

    [Fact]
    public async Task Task_is_pending_then_active_with_rising_progress_then_completed()
    {
        var taskId = await CreateTaskAsync();

        Clock.Advance(Delay / 4);
        var early = await ReadTaskAsync(taskId);
        Clock.Advance(Delay / 4);
        var halfway = await ReadTaskAsync(taskId);
        Clock.Advance(Delay / 4);
        var later = await ReadTaskAsync(taskId);
        Clock.Advance(Delay / 4);
        var done = await ReadTaskAsync(taskId);

        Assert.Equal(("pending", 0), (State(early), Progress(early)));
        Assert.Equal(("active", 50), (State(halfway), Progress(halfway)));
        Assert.Equal(("active", 75), (State(later), Progress(later)));
        Assert.Equal(("completed", 100), (State(done), Progress(done)));
    }

    [Fact]
    public async Task FailNextExportTasks_makes_the_next_task_fail_with_a_comment()
    {
        Outscale.FailNextExportTasks(1);
        var failing = await CreateTaskAsync();
        var fine = await CreateTaskAsync();

        Clock.Advance(Delay);
        var failed = await ReadTaskAsync(failing);

        Assert.Equal("failed", State(failed));
        Assert.Contains("failed", failed.GetProperty("Comment").GetString());
        Assert.Equal("completed", State(await ReadTaskAsync(fine)));
    }

    [Fact]
    public async Task Cancel_while_active_makes_the_task_cancelled_for_good()
    {
        var taskId = await CreateTaskAsync();
        Clock.Advance(Delay / 2);

        var body = await OkAsync("DeleteExportTask", $$"""{"ExportTaskId":"{{taskId}}"}""");
        Clock.Advance(Delay);
        var task = await ReadTaskAsync(taskId);

        Assert.Equal(["ResponseContext"], body.EnumerateObject().Select(member => member.Name).ToArray());
        Assert.Equal("cancelled", State(task));
        Assert.Equal(50, Progress(task));
    }

    [Fact]
    public async Task Cancel_after_completion_is_refused_with_6003_and_the_errors_page_400()
    {
        var taskId = await CreateTaskAsync();
        Clock.Advance(Delay);

        await AssertErrorAsync("DeleteExportTask", $$"""{"ExportTaskId":"{{taskId}}"}""", 400, "6003", "InvalidState");
        Assert.Equal("completed", State(await ReadTaskAsync(taskId)));
    }

    [Fact]
    public async Task Cancelling_a_cancelled_task_again_answers_200_as_the_spec_documents()
    {
        var taskId = await CreateTaskAsync();
        await OkAsync("DeleteExportTask", $$"""{"ExportTaskId":"{{taskId}}"}""");

        var again = await OkAsync("DeleteExportTask", $$"""{"ExportTaskId":"{{taskId}}"}""");

        Assert.Equal(["ResponseContext"], again.EnumerateObject().Select(member => member.Name).ToArray());
        Assert.Equal("cancelled", State(await ReadTaskAsync(taskId)));
    }

    [Fact]
    public async Task A_manifest_url_given_on_create_is_not_echoed_in_replies_as_the_spec_allows_none_there()
    {
        var id = Outscale.SeedSnapshots(1).Single();
        var request = JsonNode.Parse(ExportBody(id))!.AsObject();
        request["OsuExport"]!["OsuManifestUrl"] = "https://osu.example/manifest";

        var created = await OkAsync("CreateSnapshotExportTask", request.ToJsonString());
        var taskId = created.GetProperty("SnapshotExportTask").GetProperty("TaskId").GetString()!;

        Assert.False(created.GetProperty("SnapshotExportTask").GetProperty("OsuExport").TryGetProperty("OsuManifestUrl", out _));
        Assert.False((await ReadTaskAsync(taskId)).GetProperty("OsuExport").TryGetProperty("OsuManifestUrl", out _));
    }

    [Fact]
    public async Task Cancel_of_an_unknown_or_another_accounts_task_is_5058()
    {
        var taskId = await CreateTaskAsync();

        await AssertErrorAsync("DeleteExportTask", """{"ExportTaskId":"snap-export-0badf00d"}""", 400, "5058", "InvalidResource");
        await AssertErrorAsync("DeleteExportTask", $$"""{"ExportTaskId":"{{taskId}}"}""", 400, "5058", "InvalidResource", SecondAccount());
    }

    [Fact]
    public async Task Export_of_a_snapshot_that_is_not_completed_is_6003_400()
    {
        var pending = (await CreateSnapshotAsync()).GetProperty("SnapshotId").GetString()!;

        await AssertErrorAsync("CreateSnapshotExportTask", ExportBody(pending), 400, "6003", "InvalidState");
    }

    [Theory]
    [InlineData("""{"OsuExport":{"DiskImageFormat":"raw","OsuBucket":"b"}}""", "7000", "MissingParameter")]
    [InlineData("""{"SnapshotId":"snap-12345678"}""", "7000", "MissingParameter")]
    [InlineData("""{"SnapshotId":"snap-12345678","OsuExport":{"OsuBucket":"b"}}""", "7000", "MissingParameter")]
    [InlineData("""{"SnapshotId":"snap-12345678","OsuExport":{"DiskImageFormat":"raw"}}""", "7000", "MissingParameter")]
    [InlineData("""{"SnapshotId":"snap-12345678","OsuExport":{"DiskImageFormat":"vmdk","OsuBucket":"b"}}""", "4047", "InvalidParameterValue")]
    [InlineData("""{"SnapshotId":"snap-12345678","OsuExport":{"DiskImageFormat":"raw","OsuBucket":"b"}}""", "5054", "InvalidResource")]
    public async Task Create_validates_required_members_then_format_then_existence(string json, string code, string type)
    {
        await AssertErrorAsync("CreateSnapshotExportTask", json, 400, code, type);
    }

    [Fact]
    public async Task Read_lists_only_own_tasks_filtered_by_task_and_snapshot_and_paged()
    {
        var ids = Outscale.SeedSnapshots(2);
        var first = await CreateTaskAsync(ids[0]);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await CreateTaskAsync(ids[1]);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var third = await CreateTaskAsync(ids[1]);

        var bySnapshot = await OkAsync("ReadSnapshotExportTasks", $$$"""{"Filters":{"SnapshotIds":["{{{ids[1]}}}"]}}""");
        var byTask = await OkAsync("ReadSnapshotExportTasks", $$$"""{"Filters":{"TaskIds":["{{{first}}}"]}}""");
        var page = await OkAsync("ReadSnapshotExportTasks", """{"ResultsPerPage":2}""");
        var rest = await OkAsync("ReadSnapshotExportTasks", $$"""{"ResultsPerPage":2,"NextPageToken":"{{page.GetProperty("NextPageToken").GetString()}}"}""");
        var others = await OkAsync("ReadSnapshotExportTasks", "{}", SecondAccount());

        Assert.Equal([second, third], TaskIds(bySnapshot));
        Assert.Equal([first], TaskIds(byTask));
        Assert.Equal([first, second], TaskIds(page));
        Assert.Equal([third], TaskIds(rest));
        Assert.False(rest.TryGetProperty("NextPageToken", out _));
        Assert.Empty(TaskIds(others));
    }

    [Fact]
    public async Task The_request_log_never_holds_the_osu_api_secret_key()
    {
        var id = Outscale.SeedSnapshots(1).Single();
        await OkAsync("CreateSnapshotExportTask", ExportBody(id));

        var recorded = Assert.Single(Host.Requests.Snapshot(), request => request.Path.EndsWith("/CreateSnapshotExportTask", StringComparison.Ordinal));

        Assert.DoesNotContain(ApiSecret, recorded.Body);
        Assert.Contains("\"ApiKeyId\":\"AKOOS\"", recorded.Body);
        Assert.Contains("\"SecretKey\":\"[REDACTED]\"", recorded.Body);
    }

    private static string ExportBody(string snapshotId) => new JsonObject
    {
        ["SnapshotId"] = snapshotId,
        ["OsuExport"] = new JsonObject
        {
            ["DiskImageFormat"] = "qcow2",
            ["OsuBucket"] = "backups",
            ["OsuPrefix"] = "daily/",
            ["OsuApiKey"] = new JsonObject { ["ApiKeyId"] = "AKOOS", ["SecretKey"] = ApiSecret },
        },
    }.ToJsonString();

    private async Task<string> CreateTaskAsync(string? snapshotId = null)
    {
        var body = await OkAsync("CreateSnapshotExportTask", ExportBody(snapshotId ?? Outscale.SeedSnapshots(1).Single()));
        return body.GetProperty("SnapshotExportTask").GetProperty("TaskId").GetString()!;
    }

    private async Task<JsonElement> ReadTaskAsync(string taskId)
    {
        var body = await OkAsync("ReadSnapshotExportTasks", $$$"""{"Filters":{"TaskIds":["{{{taskId}}}"]}}""");
        return Assert.Single(body.GetProperty("SnapshotExportTasks").EnumerateArray().ToArray());
    }

    private static string[] TaskIds(JsonElement body) => body.GetProperty("SnapshotExportTasks").EnumerateArray()
        .Select(task => task.GetProperty("TaskId").GetString()!)
        .ToArray();
}
