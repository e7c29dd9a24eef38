namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>The state machine: creating to available or error, deleting to gone or error_deleting, on the configured delays.</summary>
public sealed class CinderLifecycleTests : OpenStackTestBase
{
    [Fact]
    public async Task Creating_becomes_available_after_the_snapshot_delay_with_progress_100()
    {
        var session = await CinderSessionAsync();
        var id = await CreateSnapshotAsync(session, OpenStack.AddVolume());

        var before = await CinderAsync(session, HttpMethod.Get, "/snapshots/" + id);
        Clock.Advance(Delay);
        var after = await CinderAsync(session, HttpMethod.Get, "/snapshots/" + id);

        Assert.Equal("creating", before.Body.GetProperty("snapshot").GetProperty("status").GetString());
        Assert.Equal("0%", before.Body.GetProperty("snapshot").GetProperty("os-extended-snapshot-attributes:progress").GetString());
        Assert.Equal("available", after.Body.GetProperty("snapshot").GetProperty("status").GetString());
        Assert.Equal("100%", after.Body.GetProperty("snapshot").GetProperty("os-extended-snapshot-attributes:progress").GetString());
        Assert.Equal("2026-03-01T12:01:00.000000", after.Body.GetProperty("snapshot").GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task Armed_create_failure_ends_in_error_and_error_can_be_deleted()
    {
        var session = await CinderSessionAsync();
        OpenStack.FailNext(creates: 1, deletes: 0);
        var failed = await CreateSnapshotAsync(session, OpenStack.AddVolume());
        var fine = await CreateSnapshotAsync(session, OpenStack.AddVolume());
        Clock.Advance(Delay);

        Assert.Equal("error", OpenStack.SnapshotStatus(failed));
        Assert.Equal("available", OpenStack.SnapshotStatus(fine));
        Assert.Equal(202, (await CinderAsync(session, HttpMethod.Delete, "/snapshots/" + failed)).Status);
    }

    [Fact]
    public async Task Delete_answers_202_empty_then_deleting_then_gone()
    {
        var session = await CinderSessionAsync();
        var id = await CreateSnapshotAsync(session, OpenStack.AddVolume());
        Clock.Advance(Delay);

        var delete = await CinderAsync(session, HttpMethod.Delete, "/snapshots/" + id);
        var deleting = await CinderAsync(session, HttpMethod.Get, "/snapshots/" + id);
        Clock.Advance(Delay);
        var gone = await CinderAsync(session, HttpMethod.Get, "/snapshots/" + id);

        Assert.Equal(202, delete.Status);
        Assert.Equal(default, delete.Body.ValueKind);
        Assert.Equal("deleting", deleting.Body.GetProperty("snapshot").GetProperty("status").GetString());
        AssertCinderFault(gone, 404, "itemNotFound", $"Snapshot {id} could not be found.");
        Assert.Equal(0, OpenStack.SnapshotCount());
    }

    [Fact]
    public async Task Armed_delete_failure_ends_in_error_deleting()
    {
        var session = await CinderSessionAsync();
        var id = OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1)[0];
        OpenStack.FailNext(creates: 0, deletes: 1);

        await CinderAsync(session, HttpMethod.Delete, "/snapshots/" + id);
        Clock.Advance(Delay);

        Assert.Equal("error_deleting", OpenStack.SnapshotStatus(id));
    }

    [Theory]
    [InlineData("creating")]
    [InlineData("deleting")]
    [InlineData("error_deleting")]
    public async Task Delete_from_a_status_other_than_available_or_error_gives_400(string status)
    {
        var session = await CinderSessionAsync();
        var id = OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1, status: status)[0];

        var answer = await CinderAsync(session, HttpMethod.Delete, "/snapshots/" + id);

        AssertCinderFault(answer, 400, "badRequest", "Invalid snapshot: Snapshot status must be available or error and must not be part of a group.");
        Assert.Equal(status, OpenStack.SnapshotStatus(id));
    }

    [Fact]
    public async Task Admin_reset_status_and_force_delete_and_member_refused()
    {
        var member = await CinderSessionAsync();
        var admin = await CinderSessionAsync(OpenStackFake.AdminUserName, OpenStackFake.AdminPassword, OpenStackFake.DemoProjectName);
        var id = OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1, status: "error_deleting")[0];

        var refused = await CinderAsync(member, HttpMethod.Post, $"/snapshots/{id}/action", """{"os-reset_status": {"status": "available"} }""");
        var reset = await CinderAsync(admin, HttpMethod.Post, $"/snapshots/{id}/action", """{"os-reset_status": {"status": "Error"} }""");
        var status = OpenStack.SnapshotStatus(id);
        var badStatus = await CinderAsync(admin, HttpMethod.Post, $"/snapshots/{id}/action", """{"os-reset_status": {"status": "bogus"} }""");
        var forced = await CinderAsync(admin, HttpMethod.Post, $"/snapshots/{id}/action", """{"os-force_delete": {} }""");
        Clock.Advance(Delay);

        AssertCinderFault(refused, 403, "forbidden", "Policy doesn't allow volume_extension:snapshot_admin_actions:reset_status to be performed.");
        Assert.Equal(202, reset.Status);
        Assert.Equal("error", status);
        AssertCinderFault(badStatus, 400, "badRequest");
        Assert.Equal(202, forced.Status);
        Assert.Null(OpenStack.SnapshotStatus(id));
    }

    [Fact]
    public async Task Unknown_action_gives_400()
    {
        var session = await CinderSessionAsync();
        var id = OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1)[0];

        AssertCinderFault(await CinderAsync(session, HttpMethod.Post, $"/snapshots/{id}/action", """{"os-bogus": {} }"""), 400, "badRequest",
            "There is no such action: os-bogus");
    }
}

/// <summary>EmulatorOptions.Instant(): a snapshot reads available on the next request and a delete is gone at once.</summary>
public sealed class CinderInstantTests : OpenStackTestBase
{
    protected override void Configure(EmulatorOptions options) => options.OpenStackTimings = EmulatorOptions.Instant().OpenStackTimings;

    [Fact]
    public async Task Create_reads_available_next_and_delete_is_gone_next()
    {
        var session = await CinderSessionAsync();
        var id = await CreateSnapshotAsync(session, OpenStack.AddVolume());

        var shown = await CinderAsync(session, HttpMethod.Get, "/snapshots/" + id);
        await CinderAsync(session, HttpMethod.Delete, "/snapshots/" + id);
        var gone = await CinderAsync(session, HttpMethod.Get, "/snapshots/" + id);

        Assert.Equal("available", shown.Body.GetProperty("snapshot").GetProperty("status").GetString());
        Assert.Equal(404, gone.Status);
    }
}
