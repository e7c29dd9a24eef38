namespace SnapshotPS.Emulator.Tests.Outscale;

public sealed class DeleteSnapshotTests : OutscaleTestBase
{
    [Fact]
    public async Task Delete_answers_only_the_response_context_and_the_snapshot_is_no_longer_listed()
    {
        var ids = Outscale.SeedSnapshots(2);

        var body = await OkAsync("DeleteSnapshot", $$"""{"SnapshotId":"{{ids[0]}}"}""");

        Assert.Equal(["ResponseContext"], body.EnumerateObject().Select(member => member.Name).ToArray());
        Assert.Equal([ids[1]], await ReadSnapshotIdsAsync());
        Assert.False(Outscale.SnapshotExists(ids[0]));
    }

    [Fact]
    public async Task Deleting_twice_is_5054_the_second_time()
    {
        var id = Outscale.SeedSnapshots(1).Single();
        await OkAsync("DeleteSnapshot", $$"""{"SnapshotId":"{{id}}"}""");

        await AssertErrorAsync("DeleteSnapshot", $$"""{"SnapshotId":"{{id}}"}""", 400, "5054", "InvalidResource");
    }

    [Fact]
    public async Task Deleting_a_snapshot_still_pending_is_6003_with_a_documented_400_and_allowed_once_completed()
    {
        var id = (await CreateSnapshotAsync()).GetProperty("SnapshotId").GetString()!;

        await AssertErrorAsync("DeleteSnapshot", $$"""{"SnapshotId":"{{id}}"}""", 400, "6003", "InvalidState");
        Clock.Advance(Delay);
        await OkAsync("DeleteSnapshot", $$"""{"SnapshotId":"{{id}}"}""");
        Assert.False(Outscale.SnapshotExists(id));
    }

    [Fact]
    public async Task A_snapshot_that_ended_in_error_can_be_deleted()
    {
        Outscale.FailNextSnapshots(1);
        var id = (await CreateSnapshotAsync()).GetProperty("SnapshotId").GetString()!;
        Clock.Advance(Delay);

        await OkAsync("DeleteSnapshot", $$"""{"SnapshotId":"{{id}}"}""");

        Assert.Equal(0, Outscale.SnapshotCount());
    }
}
