using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;

namespace SnapshotPS.Tests.Providers;

/// <summary>
/// A listing consumed the way `Get-CloudSnapshot | Remove-CloudSnapshot -Force` consumes it: each
/// snapshot deleted as it arrives, while later pages are still to be read.
/// </summary>
public class ListingCompletenessTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ListingCompletenessTests(EmulatorFixture emulator) => _emulator = emulator;

    private static async Task<List<string>> DeleteEachAsItArrives(ISnapshotProvider provider, SnapshotQuery query)
    {
        var deleted = new List<string>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(query, CancellationToken.None))
        {
            await provider.DeleteSnapshotAsync(SnapshotLocator.From(snapshot), CancellationToken.None);
            deleted.Add(snapshot.Id);
        }
        return deleted;
    }

    [Theory]
    [InlineData("fr-par-1", 1000, 100)]
    [InlineData("fr-par-2", 1000, 50)]
    [InlineData("fr-par-3", 1001, 7)]
    [InlineData("nl-ams-1", 250, 1)]
    public async Task DeletingEachScalewayInstanceSnapshotAsItIsListedDeletesThemAll(string zone, int count, int pageSize)
    {
        var seeded = _emulator.Scaleway.SeedInstanceSnapshots(zone, count, "del-");
        using var provider = _emulator.ScalewayProvider(zone);

        var deleted = await DeleteEachAsItArrives(provider, new SnapshotQuery { Location = zone, PageSize = pageSize });

        Assert.Equal(0, _emulator.Scaleway.InstanceSnapshotCount(zone));
        Assert.Equal(seeded.OrderBy(id => id), deleted.OrderBy(id => id));
    }

    [Theory]
    [InlineData("nl-ams-2", 1000, 100)]
    [InlineData("nl-ams-3", 400, 3)]
    public async Task DeletingEachScalewayBlockSnapshotAsItIsListedDeletesThemAll(string zone, int count, int pageSize)
    {
        var seeded = Enumerable.Range(0, count).Select(i => _emulator.Scaleway.AddBlockSnapshot(zone, $"blk-{i:D4}")).ToList();
        using var provider = _emulator.ScalewayProvider(zone);

        var deleted = await DeleteEachAsItArrives(provider, new SnapshotQuery { Location = zone, PageSize = pageSize });

        Assert.Equal(0, _emulator.Scaleway.BlockSnapshotCount(zone));
        Assert.Equal(seeded.OrderBy(id => id), deleted.OrderBy(id => id));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(9)]
    public async Task DeletingEachOutscaleSnapshotAsItIsListedDeletesThemAll(int pageSize)
    {
        var before = _emulator.Outscale.SnapshotCount();
        var seeded = _emulator.Outscale.SeedSnapshots(1200);
        using var provider = _emulator.OutscaleProvider();

        var deleted = await DeleteEachAsItArrives(provider, new SnapshotQuery { PageSize = pageSize });

        Assert.Equal(0, _emulator.Outscale.SnapshotCount());
        Assert.Equal(before + seeded.Count, deleted.Count);
        Assert.Equal(deleted.Count, deleted.Distinct().Count());
    }

    [Fact]
    public async Task AListingThatIsOnlyReadNeedsNoMorePagesThanItHas()
    {
        _emulator.Scaleway.SeedInstanceSnapshots("pl-waw-1", 1000, "read-");
        using var provider = _emulator.ScalewayProvider("pl-waw-1");
        var before = _emulator.ScalewayRequests("GET", "/instance/v1/zones/pl-waw-1/snapshots");

        var ids = new List<string>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(new SnapshotQuery { Location = "pl-waw-1", PageSize = 100 }, CancellationToken.None))
            ids.Add(snapshot.Id);

        Assert.Equal(1000, ids.Distinct().Count());
        Assert.Equal(10, _emulator.ScalewayRequests("GET", "/instance/v1/zones/pl-waw-1/snapshots") - before);
    }
}
