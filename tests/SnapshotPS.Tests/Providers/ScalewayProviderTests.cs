using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers;

/// <summary>The Scaleway client against the fake over real loopback HTTP: every operation of both APIs.</summary>
public class ScalewayProviderTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ScalewayProviderTests(EmulatorFixture emulator) => _emulator = emulator;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<List<CloudSnapshot>> ListAll(ScalewayProvider provider, SnapshotQuery query)
    {
        var all = new List<CloudSnapshot>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(query, CancellationToken.None)) all.Add(snapshot);
        return all;
    }

    [Fact]
    public async Task ListsEverySnapshotAcrossManyPagesOnceInCreationOrder()
    {
        const string zone = "pl-waw-3";
        var ids = _emulator.Scaleway.SeedInstanceSnapshots(zone, 237, "paged-");
        using var provider = _emulator.ScalewayProvider(zone);

        var listed = await ListAll(provider, new SnapshotQuery { PageSize = 20, Names = new[] { "paged-*" } });

        Assert.Equal(ids, listed.Select(s => s.Id));
        Assert.True(_emulator.ScalewayRequests("GET", $"/instance/v1/zones/{zone}/snapshots") >= 12);
    }

    [Fact]
    public async Task ListsInstanceAndBlockSnapshotsTogether()
    {
        const string zone = "nl-ams-2";
        var name = Unique("both");
        var volume = _emulator.Scaleway.AddInstanceVolume(zone, "local", 10_000_000_000);
        var instanceIds = _emulator.Scaleway.SeedInstanceSnapshots(zone, 2, name + "-i-", volume);
        var blockId = _emulator.Scaleway.AddBlockSnapshot(zone, name + "-b");
        using var provider = _emulator.ScalewayProvider(zone);

        var listed = await ListAll(provider, new SnapshotQuery { Names = new[] { name + "*" } });

        Assert.Equal(instanceIds.Append(blockId).OrderBy(i => i), listed.Select(s => s.Id).OrderBy(i => i));
        var block = listed.Single(s => s.Id == blockId);
        Assert.IsType<ScalewayBlockSnapshot>(block.ProviderObject);
        Assert.StartsWith("block", block.SnapshotType);
        Assert.All(listed.Where(s => s.Id != blockId), s => Assert.Equal(volume, s.VolumeId));
    }

    [Fact]
    public async Task FiltersByVolumeTagsAndState()
    {
        const string zone = "fr-par-3";
        var volume = _emulator.Scaleway.AddInstanceVolume(zone, "db", 10_000_000_000);
        var tagged = _emulator.Scaleway.SeedInstanceSnapshots(zone, 3, Unique("tagged"), volume, new[] { "env=prod", "keep" });
        _emulator.Scaleway.SeedInstanceSnapshots(zone, 2, Unique("other"), volume, new[] { "env=dev" });
        using var provider = _emulator.ScalewayProvider(zone);

        var listed = await ListAll(provider, new SnapshotQuery
        {
            VolumeId = volume,
            Tags = new Dictionary<string, string> { ["env"] = "prod", ["keep"] = "" },
            States = new[] { SnapshotState.Available },
        });

        Assert.Equal(tagged.OrderBy(i => i), listed.Select(s => s.Id).OrderBy(i => i));
        Assert.All(listed, s => Assert.Equal("prod", s.Tags["env"]));
    }

    [Fact]
    public async Task GetsAnInstanceSnapshotAndABlockSnapshotByIdAlone()
    {
        const string zone = "fr-par-1";
        var instanceId = _emulator.Scaleway.SeedInstanceSnapshots(zone, 1, Unique("get"))[0];
        var blockId = _emulator.Scaleway.AddBlockSnapshot(zone, Unique("getblock"));
        using var provider = _emulator.ScalewayProvider(zone);

        var instance = await provider.GetSnapshotAsync(new SnapshotLocator(instanceId), CancellationToken.None);
        var block = await provider.GetSnapshotAsync(new SnapshotLocator(blockId), CancellationToken.None);

        Assert.Equal(instanceId, instance.Id);
        Assert.Equal(SnapshotState.Available, instance.State);
        Assert.Equal("available", instance.ProviderState);
        Assert.Equal(ScalewayFake.DefaultProjectId, instance.Owner);
        Assert.Equal(blockId, block.Id);
        Assert.IsType<ScalewayBlockSnapshot>(block.ProviderObject);
    }

    [Fact]
    public async Task AnUnknownSnapshotIsNotFoundInEitherApi()
    {
        using var provider = _emulator.ScalewayProvider();
        var missing = Guid.NewGuid().ToString();

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(missing), CancellationToken.None));

        Assert.Equal(CloudErrorKind.NotFound, failure.Kind);
        Assert.Equal(404, failure.StatusCode);
        Assert.Contains(missing, failure.Message);
        Assert.Contains("Instance and Block Storage", failure.Message);
        Assert.NotNull(failure.RequestId);
    }

    [Fact]
    public async Task CreatesFromALocalVolumeThroughTheInstanceApi()
    {
        const string zone = "fr-par-2";
        var volume = _emulator.Scaleway.AddInstanceVolume(zone, "root", 40_000_000_000);
        using var provider = _emulator.ScalewayProvider(zone);

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest
        {
            VolumeId = volume, Name = "backup", Tags = new Dictionary<string, string> { ["env"] = "prod", ["manual"] = "" },
        }, CancellationToken.None);

        Assert.IsType<ScalewayInstanceSnapshot>(created.ProviderObject);
        Assert.Equal("backup", created.Name);
        Assert.Equal(volume, created.VolumeId);
        Assert.Equal(40_000_000_000, created.SizeBytes);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["manual"] = "" }, created.Tags);
        Assert.Equal(1, _emulator.ScalewayRequests("POST", $"/instance/v1/zones/{zone}/snapshots"));
        var again = await provider.GetSnapshotAsync(SnapshotLocator.From(created), CancellationToken.None);
        Assert.Equal(SnapshotState.Available, again.State);
    }

    [Fact]
    public async Task CreatesFromABlockVolumeThroughTheBlockApi()
    {
        const string zone = "pl-waw-1";
        var volume = _emulator.Scaleway.AddBlockVolume(zone, "data", 50_000_000_000);
        using var provider = _emulator.ScalewayProvider(zone);

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "blocky" }, CancellationToken.None);

        Assert.IsType<ScalewayBlockSnapshot>(created.ProviderObject);
        Assert.Equal(volume, created.VolumeId);
        Assert.Equal(1, _emulator.ScalewayRequests("POST", $"/block/v1/zones/{zone}/snapshots"));
    }

    [Fact]
    public async Task CreatingFromAnUnknownVolumeSaysSoAndCreatesNothing()
    {
        const string zone = "nl-ams-3";
        using var provider = _emulator.ScalewayProvider(zone);
        var before = _emulator.Scaleway.InstanceSnapshotCount(zone) + _emulator.Scaleway.BlockSnapshotCount(zone);
        var volume = Guid.NewGuid().ToString();

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None));

        Assert.Equal(CloudErrorKind.NotFound, failure.Kind);
        Assert.Contains($"no volume {volume}", failure.Message);
        Assert.Equal(before, _emulator.Scaleway.InstanceSnapshotCount(zone) + _emulator.Scaleway.BlockSnapshotCount(zone));
    }

    [Fact]
    public async Task ACreateWithoutANameGetsAGeneratedOne()
    {
        var volume = _emulator.Scaleway.AddInstanceVolume("fr-par-1", "v", 1_000_000_000);
        using var provider = _emulator.ScalewayProvider();
        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);
        Assert.StartsWith("snp-", created.Name);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RenamesAndRetagsInBothApis(bool block)
    {
        const string zone = "fr-par-1";
        var id = block ? _emulator.Scaleway.AddBlockSnapshot(zone, Unique("old")) : _emulator.Scaleway.SeedInstanceSnapshots(zone, 1, Unique("old"))[0];
        using var provider = _emulator.ScalewayProvider(zone);

        var updated = await provider.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(id))
        {
            Name = "renamed", Tags = new Dictionary<string, string> { ["team"] = "db" },
        }, CancellationToken.None);

        Assert.Equal("renamed", updated.Name);
        Assert.Equal("db", updated.Tags["team"]);
        var read = await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);
        Assert.Equal("renamed", read.Name);
        Assert.Single(read.Tags);
    }

    [Fact]
    public async Task AnUpdateWithoutTagsLeavesThemAlone()
    {
        var id = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, Unique("keep"), tags: new[] { "a=1" })[0];
        using var provider = _emulator.ScalewayProvider();
        var updated = await provider.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(id)) { Name = "n" }, CancellationToken.None);
        Assert.Equal("1", updated.Tags["a"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeletesInBothApis(bool block)
    {
        const string zone = "fr-par-1";
        var id = block ? _emulator.Scaleway.AddBlockSnapshot(zone, Unique("del")) : _emulator.Scaleway.SeedInstanceSnapshots(zone, 1, Unique("del"))[0];
        using var provider = _emulator.ScalewayProvider(zone);

        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        var gone = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None));
        Assert.Equal(CloudErrorKind.NotFound, gone.Kind);
    }

    [Fact]
    public async Task ASnapshotReadFromTheBlockApiGoesStraightBackToIt()
    {
        var id = _emulator.Scaleway.AddBlockSnapshot("fr-par-1", Unique("direct"));
        using var provider = _emulator.ScalewayProvider();
        var snapshot = await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);
        var instanceCalls = _emulator.ScalewayRequests("DELETE", $"/instance/v1/zones/fr-par-1/snapshots/{id}");

        await provider.DeleteSnapshotAsync(SnapshotLocator.From(snapshot), CancellationToken.None);

        Assert.Equal(instanceCalls, _emulator.ScalewayRequests("DELETE", $"/instance/v1/zones/fr-par-1/snapshots/{id}"));
        Assert.Equal(1, _emulator.ScalewayRequests("DELETE", $"/block/v1/zones/fr-par-1/snapshots/{id}"));
    }

    [Fact]
    public async Task DeletingASnapshotStillBeingTakenIsAConflict()
    {
        _emulator.Scaleway.Timings.SnapshotDelay = TimeSpan.FromMinutes(5);
        try
        {
            var volume = _emulator.Scaleway.AddInstanceVolume("it-mil-1", "busy", 1_000_000_000);
            using var provider = _emulator.ScalewayProvider("it-mil-1");
            var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);
            Assert.Equal(SnapshotState.Pending, created.State);

            var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.DeleteSnapshotAsync(SnapshotLocator.From(created), CancellationToken.None));

            Assert.Equal(CloudErrorKind.Conflict, failure.Kind);
            Assert.Equal(409, failure.StatusCode);
            Assert.Equal("transient_state", failure.ErrorCode);
            Assert.Contains("snapshotting", failure.Message);
        }
        finally
        {
            _emulator.Scaleway.Timings.SnapshotDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task ASnapshotThatFailsReadsAsError()
    {
        var volume = _emulator.Scaleway.AddInstanceVolume("fr-par-1", "doomed", 1_000_000_000);
        using var provider = _emulator.ScalewayProvider();
        _emulator.Scaleway.FailNextSnapshots(1);
        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);
        var read = await provider.GetSnapshotAsync(SnapshotLocator.From(created), CancellationToken.None);
        Assert.Equal(SnapshotState.Error, read.State);
    }

    [Fact]
    public async Task AnotherProjectsSnapshotsAreInvisible()
    {
        const string otherKey = "33333333-3333-4333-8333-333333333333";
        const string otherProject = "44444444-4444-4444-8444-444444444444";
        _emulator.Scaleway.AddProject(otherKey, otherProject, otherProject);
        var theirs = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, Unique("theirs"), projectId: otherProject)[0];
        using var mine = _emulator.ScalewayProvider();

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => mine.GetSnapshotAsync(new SnapshotLocator(theirs), CancellationToken.None));
        Assert.Equal(CloudErrorKind.NotFound, failure.Kind);
    }
}
