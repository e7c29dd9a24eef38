namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>POST /snapshots: 202 with the detail view, the schema, the volume status rules with force and 3.66, and quotas.</summary>
public sealed class CinderCreateTests : OpenStackTestBase
{
    [Fact]
    public async Task Create_answers_202_with_the_detail_view_in_status_creating()
    {
        var session = await CinderSessionAsync();
        var volume = OpenStack.AddVolume(sizeGiB: 10);

        var answer = await CinderAsync(session, HttpMethod.Post, "/snapshots",
            $$"""{"snapshot": {"name": "snap-001", "description": "Daily backup", "volume_id": "{{volume}}", "metadata": {"key": "v3"} } }""", "3.65");

        Assert.Equal(202, answer.Status);
        var snapshot = answer.Body.GetProperty("snapshot");
        Assert.True(Guid.TryParseExact(snapshot.GetProperty("id").GetString(), "D", out _));
        Assert.Equal("snap-001", snapshot.GetProperty("name").GetString());
        Assert.Equal("Daily backup", snapshot.GetProperty("description").GetString());
        Assert.Equal("creating", snapshot.GetProperty("status").GetString());
        Assert.Equal(10, snapshot.GetProperty("size").GetInt32());
        Assert.Equal("v3", snapshot.GetProperty("metadata").GetProperty("key").GetString());
        Assert.Equal(volume, snapshot.GetProperty("volume_id").GetString());
        Assert.Equal("2026-03-01T12:00:00.000000", snapshot.GetProperty("created_at").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, snapshot.GetProperty("updated_at").ValueKind);
        Assert.Equal(OpenStackFake.DemoUserId, snapshot.GetProperty("user_id").GetString());
        Assert.True(snapshot.GetProperty("consumes_quota").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, snapshot.GetProperty("group_snapshot_id").ValueKind);
        Assert.False(snapshot.TryGetProperty("os-extended-snapshot-attributes:progress", out _));
    }

    [Fact]
    public async Task At_3_0_the_detail_view_has_no_group_user_or_quota_fields()
    {
        var session = await CinderSessionAsync();

        var answer = await CinderAsync(session, HttpMethod.Post, "/snapshots", $$"""{"snapshot": {"volume_id": "{{OpenStack.AddVolume()}}"} }""");

        var snapshot = answer.Body.GetProperty("snapshot");
        Assert.Equal(202, answer.Status);
        Assert.False(snapshot.TryGetProperty("group_snapshot_id", out _));
        Assert.False(snapshot.TryGetProperty("user_id", out _));
        Assert.False(snapshot.TryGetProperty("consumes_quota", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, snapshot.GetProperty("name").ValueKind);
    }

    [Theory]
    [InlineData("""{"snapshot": {"name": "x"} }""", "'volume_id' is a required property")]
    [InlineData("""{"snapshot": {"volume_id": "not-a-uuid"} }""", "is not a 'uuid'")]
    [InlineData("""{"snapshot": {"volume_id": "5aa119a8-d25b-45a7-8d1b-88e127885635", "foo": 1} }""", "('foo' was unexpected)")]
    [InlineData("""{"snapshot": {"volume_id": "5aa119a8-d25b-45a7-8d1b-88e127885635"}, "extra": 1}""", "('extra' was unexpected)")]
    [InlineData("""{"snapshot": {"volume_id": "5aa119a8-d25b-45a7-8d1b-88e127885635", "force": "maybe"} }""", "force")]
    [InlineData("""{"snapshot": {"volume_id": "5aa119a8-d25b-45a7-8d1b-88e127885635", "metadata": {"bad*key": "v"} } }""", "does not match")]
    [InlineData("""{"snapshot": {"volume_id": "5aa119a8-d25b-45a7-8d1b-88e127885635", "metadata": {"k": 1} } }""", "is not of type 'string'")]
    [InlineData("""{"nothing": {} }""", "'snapshot' is a required property")]
    public async Task Schema_violations_give_400_badRequest(string body, string messagePart)
    {
        var session = await CinderSessionAsync();

        var answer = await CinderAsync(session, HttpMethod.Post, "/snapshots", body);

        AssertCinderFault(answer, 400, "badRequest");
        Assert.Contains(messagePart, answer.Body.GetProperty("badRequest").GetProperty("message").GetString());
        Assert.Equal(0, OpenStack.SnapshotCount());
    }

    [Fact]
    public async Task Name_longer_than_255_gives_400()
    {
        var session = await CinderSessionAsync();

        var answer = await CinderAsync(session, HttpMethod.Post, "/snapshots",
            $$"""{"snapshot": {"volume_id": "{{OpenStack.AddVolume()}}", "name": "{{new string('n', 256)}}"} }""");

        AssertCinderFault(answer, 400, "badRequest");
    }

    [Fact]
    public async Task Unknown_volume_or_another_projects_volume_gives_404()
    {
        var session = await CinderSessionAsync();
        var foreign = OpenStack.AddVolume(OpenStackFake.AdminProjectId);

        var unknown = await CinderAsync(session, HttpMethod.Post, "/snapshots", """{"snapshot": {"volume_id": "5aa119a8-d25b-45a7-8d1b-88e127885635"} }""");
        var other = await CinderAsync(session, HttpMethod.Post, "/snapshots", $$"""{"snapshot": {"volume_id": "{{foreign}}"} }""");

        AssertCinderFault(unknown, 404, "itemNotFound", "Volume 5aa119a8-d25b-45a7-8d1b-88e127885635 could not be found.");
        AssertCinderFault(other, 404, "itemNotFound");
    }

    [Theory]
    [InlineData(null, null, 400)]
    [InlineData(null, "true", 202)]
    [InlineData(null, "\"yes\"", 202)]
    [InlineData("3.66", null, 202)]
    [InlineData("3.66", "true", 202)]
    [InlineData("3.66", "false", 400)]
    public async Task In_use_volume_needs_force_before_3_66_and_refuses_force_false_from_3_66(string? version, string? force, int expected)
    {
        var session = await CinderSessionAsync();
        var volume = OpenStack.AddVolume(status: "in-use");
        var forceMember = force is null ? "" : $", \"force\": {force}";

        var answer = await CinderAsync(session, HttpMethod.Post, "/snapshots", $$"""{"snapshot": {"volume_id": "{{volume}}"{{forceMember}} } }""", version);

        Assert.Equal(expected, answer.Status);
        if (expected == 400) Assert.Contains(version is null ? "Invalid volume" : "Since microversion 3.66", answer.Body.GetProperty("badRequest").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Volume_in_error_is_refused_even_with_force()
    {
        var session = await CinderSessionAsync();

        var answer = await CinderAsync(session, HttpMethod.Post, "/snapshots", $$"""{"snapshot": {"volume_id": "{{OpenStack.AddVolume(status: "error")}}", "force": true} }""");

        AssertCinderFault(answer, 400, "badRequest");
    }

    [Fact]
    public async Task Snapshot_quota_gives_413_overLimit_with_retry_after_0()
    {
        var session = await CinderSessionAsync();
        var volume = OpenStack.AddVolume();
        OpenStack.SetQuota("demo", snapshots: 1, gigabytes: -1);
        await CreateSnapshotAsync(session, volume);

        var answer = await CinderAsync(session, HttpMethod.Post, "/snapshots", $$"""{"snapshot": {"volume_id": "{{volume}}"} }""");

        AssertCinderFault(answer, 413, "overLimit", "SnapshotLimitExceeded: Maximum number of snapshots allowed (1) exceeded");
        Assert.Equal("0", answer.Body.GetProperty("overLimit").GetProperty("retryAfter").GetString());
        Assert.Equal("0", answer.Header("Retry-After"));
        Assert.Equal(1, OpenStack.SnapshotCount());
    }

    [Fact]
    public async Task Gigabytes_quota_gives_413_with_the_sizes()
    {
        var session = await CinderSessionAsync();
        var volume = OpenStack.AddVolume(sizeGiB: 10);
        OpenStack.SetQuota("demo", snapshots: -1, gigabytes: 15);
        await CreateSnapshotAsync(session, volume);

        var answer = await CinderAsync(session, HttpMethod.Post, "/snapshots", $$"""{"snapshot": {"volume_id": "{{volume}}"} }""");

        AssertCinderFault(answer, 413, "overLimit",
            "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. Requested 10G, quota is 15G and 10G has been consumed.");
    }

    [Fact]
    public async Task Malformed_json_gives_400()
    {
        var session = await CinderSessionAsync();

        AssertCinderFault(await CinderAsync(session, HttpMethod.Post, "/snapshots", "{not json"), 400, "badRequest", "Malformed request body");
    }
}

/// <summary>An admin snapshotting another project's volume: the snapshot is the admin's project's, as Cinder records context.project_id.</summary>
public sealed class CinderAdminCreateTests : OpenStackTestBase
{
    [Fact]
    public async Task Admin_snapshot_of_another_projects_volume_belongs_to_the_admins_project()
    {
        var admin = await CinderSessionAsync(OpenStackFake.AdminUserName, OpenStackFake.AdminPassword, OpenStackFake.AdminProjectName);
        var volume = OpenStack.AddVolume(OpenStackFake.DemoProjectId);

        var id = await CreateSnapshotAsync(admin, volume);
        var shown = await CinderAsync(admin, HttpMethod.Get, "/snapshots/" + id);

        Assert.Equal(OpenStackFake.AdminProjectId, shown.Body.GetProperty("snapshot").GetProperty("os-extended-snapshot-attributes:project_id").GetString());
        Assert.Equal(volume, shown.Body.GetProperty("snapshot").GetProperty("volume_id").GetString());
    }
}
