using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Outscale;

public sealed class CreateSnapshotTests : OutscaleTestBase
{
    [Fact]
    public async Task From_volume_answers_the_spec_shape_in_pending_queued_with_progress_0()
    {
        var volume = Outscale.AddVolume(25);

        var body = await OkAsync("CreateSnapshot", $$"""{"VolumeId":"{{volume}}","Description":"nightly"}""");

        var snapshot = body.GetProperty("Snapshot");
        Assert.Matches("^snap-[0-9a-f]{8}$", snapshot.GetProperty("SnapshotId").GetString());
        Assert.Equal(25, snapshot.GetProperty("VolumeSize").GetInt32());
        Assert.Equal(OutscaleFake.DefaultAccountId, snapshot.GetProperty("AccountId").GetString());
        Assert.Equal(volume, snapshot.GetProperty("VolumeId").GetString());
        Assert.Equal("2026-03-01T12:00:00.000Z", snapshot.GetProperty("CreationDate").GetString());
        Assert.False(snapshot.GetProperty("PermissionsToCreateVolume").GetProperty("GlobalPermission").GetBoolean());
        Assert.Equal(0, snapshot.GetProperty("PermissionsToCreateVolume").GetProperty("AccountIds").GetArrayLength());
        Assert.Equal(0, Progress(snapshot));
        Assert.Equal("pending/queued", State(snapshot));
        Assert.Equal("nightly", snapshot.GetProperty("Description").GetString());
        Assert.Equal(0, snapshot.GetProperty("Tags").GetArrayLength());
    }

    [Fact]
    public async Task Description_defaults_to_empty_string()
    {
        var snapshot = await CreateSnapshotAsync();

        Assert.Equal("", snapshot.GetProperty("Description").GetString());
    }

    [Fact]
    public async Task From_volume_moves_through_pending_with_rising_progress_to_completed_after_the_delay()
    {
        var id = (await CreateSnapshotAsync()).GetProperty("SnapshotId").GetString()!;

        Clock.Advance(Delay / 2);
        var halfway = await ReadSnapshotAsync(id);
        Clock.Advance(Delay / 4);
        var later = await ReadSnapshotAsync(id);
        Clock.Advance(Delay / 4);
        var done = await ReadSnapshotAsync(id);

        Assert.Equal("pending", State(halfway));
        Assert.Equal(50, Progress(halfway));
        Assert.Equal("pending", State(later));
        Assert.Equal(75, Progress(later));
        Assert.Equal("completed", State(done));
        Assert.Equal(100, Progress(done));
    }

    [Fact]
    public async Task FailNextSnapshots_makes_the_next_creation_end_in_error_and_only_that_one()
    {
        Outscale.FailNextSnapshots(1);
        var doomed = (await CreateSnapshotAsync()).GetProperty("SnapshotId").GetString()!;
        var fine = (await CreateSnapshotAsync()).GetProperty("SnapshotId").GetString()!;

        Clock.Advance(Delay);

        Assert.Equal("error", State(await ReadSnapshotAsync(doomed)));
        Assert.Equal("completed", State(await ReadSnapshotAsync(fine)));
    }

    [Fact]
    public async Task Copy_is_completed_immediately_with_the_source_size_and_description()
    {
        var volume = Outscale.AddVolume(30);
        var source = Outscale.SeedSnapshots(1, volume, "original").Single();

        var body = await OkAsync("CreateSnapshot", $$"""{"SourceSnapshotId":"{{source}}","SourceRegionName":"eu-west-2"}""");

        var copy = body.GetProperty("Snapshot");
        Assert.NotEqual(source, copy.GetProperty("SnapshotId").GetString());
        Assert.Equal("completed", State(copy));
        Assert.Equal(100, Progress(copy));
        Assert.Equal(30, copy.GetProperty("VolumeSize").GetInt32());
        Assert.Equal("original", copy.GetProperty("Description").GetString());
        Assert.Equal(2, Outscale.SnapshotCount());
    }

    [Fact]
    public async Task Copy_of_a_snapshot_shared_with_the_caller_belongs_to_the_caller()
    {
        var second = SecondAccount();
        var source = Outscale.SeedSnapshots(1).Single();
        await OkAsync("UpdateSnapshot", UpdateBody(source, "Additions", Accounts(SecondAccountId)));

        var body = await OkAsync("CreateSnapshot", $$"""{"SourceSnapshotId":"{{source}}","Description":"mine now"}""", second);

        Assert.Equal(SecondAccountId, body.GetProperty("Snapshot").GetProperty("AccountId").GetString());
        Assert.Equal("mine now", body.GetProperty("Snapshot").GetProperty("Description").GetString());
        Assert.Equal(1, Outscale.SnapshotCount(SecondAccountId));
    }

    [Fact]
    public async Task Copy_of_a_snapshot_not_visible_to_the_caller_is_5054()
    {
        var source = Outscale.SeedSnapshots(1).Single();

        await AssertErrorAsync("CreateSnapshot", $$"""{"SourceSnapshotId":"{{source}}"}""", 400, "5054", "InvalidResource", SecondAccount());
    }

    [Fact]
    public async Task Import_is_importing_then_completed_with_the_size_rounded_up_to_GiB()
    {
        const long size = 10L * 1024 * 1024 * 1024 + 1;
        var body = await OkAsync("CreateSnapshot",
            $$"""{"FileLocation":"https://oos.eu-west-2.outscale.com/bucket/disk.qcow2?Signature=x","SnapshotSize":{{size}},"Description":"imported"}""");
        var imported = body.GetProperty("Snapshot");
        var id = imported.GetProperty("SnapshotId").GetString()!;

        Clock.Advance(Delay / 2);
        var halfway = await ReadSnapshotAsync(id);
        Clock.Advance(Delay / 2);
        var done = await ReadSnapshotAsync(id);

        Assert.Equal("importing", State(imported));
        Assert.Equal(0, Progress(imported));
        Assert.Equal(11, imported.GetProperty("VolumeSize").GetInt32());
        Assert.False(imported.TryGetProperty("VolumeId", out _));
        Assert.Equal("importing", State(halfway));
        Assert.Equal(50, Progress(halfway));
        Assert.Equal("completed", State(done));
    }

    [Fact]
    public async Task Import_fails_when_armed()
    {
        Outscale.FailNextSnapshots(1);
        var body = await OkAsync("CreateSnapshot", """{"FileLocation":"https://oos.example/b/k","SnapshotSize":1073741824}""");

        Clock.Advance(Delay);

        Assert.Equal("error", State(await ReadSnapshotAsync(body.GetProperty("Snapshot").GetProperty("SnapshotId").GetString()!)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Description":"no mode"}""")]
    [InlineData("""{"SourceRegionName":"eu-west-2"}""")]
    [InlineData("""{"SnapshotSize":1073741824}""")]
    [InlineData("""{"FileLocation":"https://oos.example/b/k"}""")]
    public async Task No_mode_or_half_a_mode_is_7000(string json)
    {
        await AssertErrorAsync("CreateSnapshot", json, 400, "7000", "MissingParameter");
    }

    [Theory]
    [InlineData("""{"VolumeId":"vol-12345678","SourceRegionName":"eu-west-2"}""")]
    [InlineData("""{"VolumeId":"vol-12345678","SnapshotSize":1073741824}""")]
    [InlineData("""{"FileLocation":"https://oos.example/b/k","SourceSnapshotId":"snap-12345678"}""")]
    [InlineData("""{"SnapshotSize":1073741824,"SourceRegionName":"eu-west-2"}""")]
    public async Task Mixed_modes_are_3002(string json)
    {
        await AssertErrorAsync("CreateSnapshot", json, 400, "3002", "InvalidParameter");
    }

    [Fact]
    public async Task Unknown_source_region_is_8019()
    {
        var source = Outscale.SeedSnapshots(1).Single();

        await AssertErrorAsync("CreateSnapshot", $$"""{"SourceSnapshotId":"{{source}}","SourceRegionName":"mars-north-1"}""",
            400, "8019", "OperationNotSupported");
    }

    [Fact]
    public async Task Volume_of_another_account_is_5064()
    {
        var second = SecondAccount();
        var othersVolume = Outscale.AddVolume(10, SecondAccountId);

        await AssertErrorAsync("CreateSnapshot", $$"""{"VolumeId":"{{othersVolume}}"}""", 400, "5064", "InvalidResource");
        Assert.Equal(200, (await OscAsync(second, "CreateSnapshot", $$"""{"VolumeId":"{{othersVolume}}"}""")).Status);
    }

    [Fact]
    public async Task Client_token_is_recorded_and_a_replay_returns_the_same_snapshot()
    {
        var volume = Outscale.AddVolume(10);
        var json = $$"""{"VolumeId":"{{volume}}","ClientToken":"nightly-2026-03-01"}""";

        var first = (await OkAsync("CreateSnapshot", json)).GetProperty("Snapshot");
        var replay = (await OkAsync("CreateSnapshot", json)).GetProperty("Snapshot");

        Assert.Equal("nightly-2026-03-01", first.GetProperty("ClientToken").GetString());
        Assert.Equal(first.GetProperty("SnapshotId").GetString(), replay.GetProperty("SnapshotId").GetString());
        Assert.Equal(1, Outscale.SnapshotCount());
    }

    [Fact]
    public async Task A_client_token_replayed_with_other_parameters_is_refused_and_makes_nothing()
    {
        var volume = Outscale.AddVolume(10);
        var other = Outscale.AddVolume(10);
        await OkAsync("CreateSnapshot", $$"""{"VolumeId":"{{volume}}","ClientToken":"weekly-1"}""");

        await AssertErrorAsync("CreateSnapshot", $$"""{"VolumeId":"{{other}}","ClientToken":"weekly-1"}""", 400, "3002", "InvalidParameter");
        await AssertErrorAsync("CreateSnapshot", $$"""{"VolumeId":"{{volume}}","ClientToken":"weekly-1","Description":"changed"}""", 400, "3002", "InvalidParameter");

        Assert.Equal(1, Outscale.SnapshotCount());
    }

    [Fact]
    public async Task Zero_delay_shows_pending_queued_in_the_answer_and_completed_on_the_next_read()
    {
        Outscale.Timings.SnapshotDelay = TimeSpan.Zero;

        var created = await CreateSnapshotAsync();

        Assert.Equal("pending/queued", State(created));
        Assert.Equal("completed", State(await ReadSnapshotAsync(created.GetProperty("SnapshotId").GetString()!)));
    }

    [Fact]
    public async Task Creation_date_has_milliseconds_and_Z()
    {
        Clock.Advance(TimeSpan.FromMilliseconds(387.6));

        var snapshot = await CreateSnapshotAsync();

        Assert.Equal("2026-03-01T12:00:00.387Z", snapshot.GetProperty("CreationDate").GetString());
        Assert.Equal(JsonValueKind.String, snapshot.GetProperty("CreationDate").ValueKind);
    }
}
