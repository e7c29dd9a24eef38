using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Outscale;

public sealed class TagTests : OutscaleTestBase
{
    [Fact]
    public async Task Create_tags_answers_only_the_response_context_and_the_snapshot_shows_them()
    {
        var id = Outscale.SeedSnapshots(1).Single();

        var body = await OkAsync("CreateTags", $$"""{"ResourceIds":["{{id}}"],"Tags":[{"Key":"env","Value":"prod"},{"Key":"empty","Value":""}]}""");

        Assert.Equal(["ResponseContext"], body.EnumerateObject().Select(member => member.Name).ToArray());
        Assert.Equal([("env", "prod"), ("empty", "")], TagsOf(await ReadSnapshotAsync(id)));
    }

    [Fact]
    public async Task Create_tags_replaces_the_value_of_an_existing_key_on_every_resource()
    {
        var ids = Outscale.SeedSnapshots(2, tags: [KeyValuePair.Create("env", "dev"), KeyValuePair.Create("team", "a")]);

        await OkAsync("CreateTags", $$"""{"ResourceIds":["{{ids[0]}}","{{ids[1]}}"],"Tags":[{"Key":"env","Value":"prod"}]}""");

        Assert.Equal([("env", "prod"), ("team", "a")], TagsOf(await ReadSnapshotAsync(ids[0])));
        Assert.Equal([("env", "prod"), ("team", "a")], TagsOf(await ReadSnapshotAsync(ids[1])));
    }

    [Fact]
    public async Task Delete_tags_with_a_value_removes_only_a_matching_tag_and_without_a_value_removes_the_key()
    {
        var id = Outscale.SeedSnapshots(1, tags: [KeyValuePair.Create("env", "prod"), KeyValuePair.Create("team", "a")]).Single();

        await OkAsync("DeleteTags", $$"""{"ResourceIds":["{{id}}"],"Tags":[{"Key":"env","Value":"dev"}]}""");
        var afterMismatch = TagsOf(await ReadSnapshotAsync(id));
        await OkAsync("DeleteTags", $$"""{"ResourceIds":["{{id}}"],"Tags":[{"Key":"env","Value":"prod"},{"Key":"team"}]}""");
        var afterMatch = TagsOf(await ReadSnapshotAsync(id));

        Assert.Equal([("env", "prod"), ("team", "a")], afterMismatch);
        Assert.Empty(afterMatch);
    }

    [Theory]
    [InlineData("""{"ResourceIds":["snap-12345678"],"Tags":[{"Value":"v"}]}""")]
    [InlineData("""{"ResourceIds":["snap-12345678"],"Tags":[{"Key":"k"}]}""")]
    [InlineData("""{"ResourceIds":[],"Tags":[{"Key":"k","Value":"v"}]}""")]
    [InlineData("""{"Tags":[{"Key":"k","Value":"v"}]}""")]
    [InlineData("""{"ResourceIds":["snap-12345678"]}""")]
    public async Task Create_tags_without_a_required_part_is_7000(string json)
    {
        await AssertErrorAsync("CreateTags", json, 400, "7000", "MissingParameter");
    }

    [Fact]
    public async Task Empty_key_is_4069()
    {
        var id = Outscale.SeedSnapshots(1).Single();

        await AssertErrorAsync("CreateTags", $$"""{"ResourceIds":["{{id}}"],"Tags":[{"Key":"","Value":"v"}]}""", 400, "4069", "InvalidParameterValue");
    }

    [Fact]
    public async Task Extra_member_in_a_tag_is_3001()
    {
        var id = Outscale.SeedSnapshots(1).Single();

        await AssertErrorAsync("CreateTags", $$"""{"ResourceIds":["{{id}}"],"Tags":[{"Key":"k","Value":"v","Color":"red"}]}""", 400, "3001", "InvalidParameter");
    }

    [Fact]
    public async Task Unknown_snapshot_is_5054_unknown_task_5058_and_nothing_is_tagged()
    {
        var id = Outscale.SeedSnapshots(1).Single();

        await AssertErrorAsync("CreateTags", $$"""{"ResourceIds":["{{id}}","{{UnknownSnapshotId}}"],"Tags":[{"Key":"k","Value":"v"}]}""",
            400, "5054", "InvalidResource");
        await AssertErrorAsync("CreateTags", """{"ResourceIds":["snap-export-0badf00d"],"Tags":[{"Key":"k","Value":"v"}]}""",
            400, "5058", "InvalidResource");
        Assert.Empty(TagsOf(await ReadSnapshotAsync(id)));
    }

    [Fact]
    public async Task Another_accounts_snapshot_cannot_be_tagged_even_when_shared()
    {
        var second = SecondAccount();
        var id = Outscale.SeedSnapshots(1).Single();
        await OkAsync("UpdateSnapshot", UpdateBody(id, "Additions", Accounts(SecondAccountId)));

        await AssertErrorAsync("CreateTags", $$"""{"ResourceIds":["{{id}}"],"Tags":[{"Key":"k","Value":"v"}]}""", 400, "5054", "InvalidResource", second);
    }

    [Fact]
    public async Task Export_tasks_are_taggable()
    {
        var id = Outscale.SeedSnapshots(1).Single();
        var created = await OkAsync("CreateSnapshotExportTask", $$$"""{"SnapshotId":"{{{id}}}","OsuExport":{"DiskImageFormat":"raw","OsuBucket":"b"}}""");
        var taskId = created.GetProperty("SnapshotExportTask").GetProperty("TaskId").GetString();

        await OkAsync("CreateTags", $$"""{"ResourceIds":["{{taskId}}"],"Tags":[{"Key":"purpose","Value":"backup"}]}""");
        var tasks = await OkAsync("ReadSnapshotExportTasks");

        Assert.Equal([("purpose", "backup")], TagsOf(tasks.GetProperty("SnapshotExportTasks")[0]));
    }

    private static (string Key, string Value)[] TagsOf(JsonElement resource) => resource.GetProperty("Tags").EnumerateArray()
        .Select(tag => (tag.GetProperty("Key").GetString()!, tag.GetProperty("Value").GetString()!))
        .ToArray();
}
