using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.OpenStack;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>Every Cinder snapshot operation of the client against the fake over loopback.</summary>
public class CinderProviderTests(OpenStackEmulatorFixture emulator) : IClassFixture<OpenStackEmulatorFixture>
{
    private static async Task<List<CloudSnapshot>> ListAsync(OpenStackProvider provider, SnapshotQuery query)
    {
        var found = new List<CloudSnapshot>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(query, CancellationToken.None)) found.Add(snapshot);
        return found;
    }

    [Fact]
    public async Task Listing_reads_every_page_by_marker_over_thousands_of_snapshots()
    {
        var volume = emulator.Fake.AddVolume(name: "big");
        var seeded = emulator.Fake.SeedSnapshots(volume, 2_501, "bulk-");
        using var provider = emulator.Provider();
        var before = emulator.Requests("/snapshots/detail");

        var listed = await ListAsync(provider, new SnapshotQuery { VolumeId = volume });

        Assert.Equal(seeded.Order(), listed.Select(s => s.Id).Order());
        Assert.Equal(listed.Count, listed.Select(s => s.Id).Distinct().Count());
        Assert.Equal(3, emulator.Requests("/snapshots/detail") - before); // 1000 + 1000 + 501
        Assert.All(listed, s => Assert.Equal((OpenStackFake.RegionOne, SnapshotState.Available, OpenStackFake.DemoProjectId), (s.Location, s.State, s.Owner)));
    }

    [Fact]
    public async Task A_page_size_pages_by_it_and_a_full_last_page_ends_on_the_empty_page_after_it()
    {
        var volume = emulator.Fake.AddVolume(name: "exact");
        var seeded = emulator.Fake.SeedSnapshots(volume, 300, "exact-");
        using var provider = emulator.Provider();
        var before = emulator.Requests("/snapshots/detail");

        var listed = await ListAsync(provider, new SnapshotQuery { VolumeId = volume, PageSize = 100 });

        Assert.Equal(seeded.Order(), listed.Select(s => s.Id).Order());
        Assert.Equal(4, emulator.Requests("/snapshots/detail") - before);
    }

    [Fact]
    public async Task Name_status_volume_and_metadata_filters_find_what_they_name()
    {
        var volume = emulator.Fake.AddVolume(name: "filtered");
        var tagged = emulator.Fake.SeedSnapshots(volume, 3, "tagged-", metadata: new Dictionary<string, string> { ["team"] = "db" });
        emulator.Fake.SeedSnapshots(volume, 4, "plain-");
        using var provider = emulator.Provider();

        var byTag = await ListAsync(provider, new SnapshotQuery { VolumeId = volume, Tags = new Dictionary<string, string> { ["team"] = "db" } });
        var byName = await ListAsync(provider, new SnapshotQuery { Names = new[] { "plain-0002" }, VolumeId = volume });
        var byWildcard = await ListAsync(provider, new SnapshotQuery { Names = new[] { "plain-*" }, VolumeId = volume, States = new[] { SnapshotState.Available } });

        Assert.Equal(tagged.Order(), byTag.Select(s => s.Id).Order());
        Assert.All(byTag, s => Assert.Equal("db", s.Tags["team"]));
        Assert.Equal("plain-0002", Assert.Single(byName).Name);
        Assert.Equal(4, byWildcard.Count);
    }

    [Fact]
    public async Task Create_show_update_and_delete_go_through_their_states()
    {
        var volume = emulator.Fake.AddVolume(name: "life");
        using var provider = emulator.Provider();

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest
        {
            VolumeId = volume, Name = "nightly", Description = "Daily backup", Tags = new Dictionary<string, string> { ["team"] = "db" },
        }, CancellationToken.None);
        Assert.Equal((SnapshotState.Pending, "creating"), (created.State, created.ProviderState));

        var shown = await provider.GetSnapshotAsync(SnapshotLocator.From(created), CancellationToken.None);
        Assert.Equal((SnapshotState.Available, "nightly", "Daily backup", volume), (shown.State, shown.Name, shown.Description, shown.VolumeId));
        Assert.Equal(new Dictionary<string, string> { ["team"] = "db" }, shown.Tags);
        Assert.Equal((10L << 30, 100), (shown.SizeBytes, shown.Progress));

        var renamed = await provider.UpdateSnapshotAsync(new UpdateSnapshotRequest(SnapshotLocator.From(shown)) { Name = "weekly", Description = "Kept a week" }, CancellationToken.None);
        Assert.Equal(("weekly", "Kept a week"), (renamed.Name, renamed.Description));
        Assert.NotNull(renamed.ModifiedAt);

        await provider.DeleteSnapshotAsync(SnapshotLocator.From(renamed), CancellationToken.None);
        Assert.Null(emulator.Fake.SnapshotStatus(created.Id));
        var gone = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(created.Id), CancellationToken.None));
        Assert.Equal((CloudErrorKind.NotFound, "itemNotFound"), (gone.Kind, gone.ErrorCode));
        Assert.NotNull(gone.RequestId);
    }

    [Fact]
    public async Task Tag_changes_merge_the_keys_that_changed_and_delete_the_ones_removed_key_by_key()
    {
        var volume = emulator.Fake.AddVolume(name: "tags");
        var id = emulator.Fake.SeedSnapshots(volume, 1, "tags-", metadata: new Dictionary<string, string> { ["keep"] = "1", ["drop"] = "2", ["change"] = "3" }).Single();
        using var provider = emulator.Provider();
        var posts = emulator.Requests($"/snapshots/{id}/metadata");

        var updated = await provider.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(id))
        {
            Tags = new Dictionary<string, string> { ["keep"] = "1", ["change"] = "33", ["new"] = "4" },
        }, CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["keep"] = "1", ["change"] = "33", ["new"] = "4" }, updated.Tags);
        var requests = emulator.Host.Requests.Snapshot().Where(r => r.Path.Contains($"/snapshots/{id}/metadata", StringComparison.Ordinal)).ToList();
        Assert.Contains(requests, r => r.Method == "POST" && r.Body!.Contains("\"change\"") && r.Body.Contains("\"new\"") && !r.Body.Contains("\"keep\""));
        Assert.Contains(requests, r => r.Method == "DELETE" && r.Path.EndsWith("/metadata/drop", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task The_metadata_calls_show_merge_replace_and_handle_one_key()
    {
        var volume = emulator.Fake.AddVolume(name: "meta");
        var id = emulator.Fake.SeedSnapshots(volume, 1, "meta-").Single();
        using var provider = emulator.Provider();
        var region = OpenStackFake.RegionOne;
        var cinder = provider.Cinder;

        Assert.Empty(await cinder.GetMetadataAsync(region, id, CancellationToken.None));
        Assert.Equal(2, (await cinder.MergeMetadataAsync(region, id, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, CancellationToken.None)).Count);
        Assert.Equal(new Dictionary<string, string> { ["c"] = "3" }, await cinder.ReplaceMetadataAsync(region, id, new Dictionary<string, string> { ["c"] = "3" }, CancellationToken.None));
        Assert.Equal(new KeyValuePair<string, string>("d", "4"), await cinder.SetMetadataKeyAsync(region, id, "d", "4", CancellationToken.None));
        Assert.Equal(new KeyValuePair<string, string>("c", "3"), await cinder.GetMetadataKeyAsync(region, id, "c", CancellationToken.None));
        await cinder.DeleteMetadataKeyAsync(region, id, "c", CancellationToken.None);

        Assert.Equal(new Dictionary<string, string> { ["d"] = "4" }, await cinder.GetMetadataAsync(region, id, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<CloudApiException>(() => cinder.GetMetadataKeyAsync(region, id, "c", CancellationToken.None));
        Assert.Equal((CloudErrorKind.NotFound, "itemNotFound"), (missing.Kind, missing.ErrorCode));
    }

    [Fact]
    public async Task Deleting_a_snapshot_still_creating_is_Cinders_bad_request()
    {
        var volume = emulator.Fake.AddVolume(name: "busy");
        var id = emulator.Fake.SeedSnapshots(volume, 1, "busy-", status: "creating").Single();
        using var provider = emulator.Provider();

        var refused = await Assert.ThrowsAsync<CloudApiException>(() => provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None));

        Assert.Equal((CloudErrorKind.InvalidArgument, 400, "badRequest"), (refused.Kind, refused.StatusCode, refused.ErrorCode));
        Assert.Contains("available or error", refused.Message);
    }

    [Fact]
    public async Task A_create_with_a_client_token_happens_once_however_often_it_is_sent()
    {
        var volume = emulator.Fake.AddVolume(name: "once");
        using var provider = emulator.Provider();
        var request = new CreateSnapshotRequest { VolumeId = volume, Name = "once", ClientToken = "run-42" };

        var first = await provider.CreateSnapshotAsync(request, CancellationToken.None);
        var second = await provider.CreateSnapshotAsync(request, CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(await ListAsync(provider, new SnapshotQuery { VolumeId = volume }));
        Assert.Empty(second.Tags); // the marker stays hidden
    }

    [Fact]
    public async Task Failed_creates_end_in_error_and_failed_deletes_in_error_deleting()
    {
        var volume = emulator.Fake.AddVolume(name: "failing");
        var id = emulator.Fake.SeedSnapshots(volume, 1, "failing-").Single();
        using var provider = emulator.Provider();
        emulator.Fake.FailNext(creates: 1, deletes: 1);

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);
        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        var broken = await provider.GetSnapshotAsync(new SnapshotLocator(created.Id), CancellationToken.None);
        var stuck = await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);
        Assert.Equal((SnapshotState.Error, "error"), (broken.State, broken.ProviderState));
        Assert.Equal((SnapshotState.Error, "error_deleting"), (stuck.State, stuck.ProviderState));
    }
}
