namespace SnapshotPS.Emulator.Tests.Scaleway;

/// <summary>The listing order the store keeps up to date: by creation date, whatever order snapshots were added or removed in.</summary>
public sealed class InstanceSnapshotOrderTests : EmulatorTestBase
{
    private async Task<(string Total, string[] Names)> ListAsync(string query = "")
    {
        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots + query);
        return (response.Headers.GetValues("X-Total-Count").Single(), Names((await JsonAsync(response)).GetProperty("snapshots")));
    }

    [Fact]
    public async Task Snapshots_added_later_with_older_dates_are_listed_before_the_newer_ones()
    {
        var now = Clock.GetUtcNow();
        Scaleway.SeedInstanceSnapshotsAt(Zone, [now.AddDays(-1), now.AddDays(-3)], "recent-");
        Scaleway.SeedInstanceSnapshotsAt(Zone, [now.AddDays(-2), now.AddDays(-4)], "older-");

        var (total, names) = await ListAsync();

        Assert.Equal("4", total);
        Assert.Equal(["older-001", "recent-001", "older-002", "recent-002"], names);
    }

    [Fact]
    public async Task A_deleted_snapshot_leaves_the_pages_and_the_total()
    {
        var ids = Scaleway.SeedInstanceSnapshots(Zone, 5);
        using (var deleted = await SendAsync(HttpMethod.Delete, $"{InstanceSnapshots}/{ids[1]}"))
        {
            Assert.Equal(204, (int)deleted.StatusCode);
        }

        var (total, names) = await ListAsync("?page=1&per_page=2");
        var (_, second) = await ListAsync("?page=2&per_page=2");

        Assert.Equal("4", total);
        Assert.Equal(["seed-001", "seed-003"], names);
        Assert.Equal(["seed-004", "seed-005"], second);
    }

    [Fact]
    public async Task Filters_still_apply_to_the_ordered_snapshots()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 3, "keep-");
        Scaleway.SeedInstanceSnapshots(Zone, 2, "other-");

        var (total, names) = await ListAsync("?name=keep");

        Assert.Equal("3", total);
        Assert.Equal(["keep-001", "keep-002", "keep-003"], names);
    }
}
