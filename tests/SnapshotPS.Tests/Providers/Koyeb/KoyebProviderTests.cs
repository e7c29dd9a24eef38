using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Koyeb;
using SnapshotPS.Emulator;
using static SnapshotPS.Tests.Providers.Koyeb.KoyebEmulator;

namespace SnapshotPS.Tests.Providers.Koyeb;

/// <summary>The Koyeb client against the fake over real loopback HTTP: every operation, ids as the CLI takes them.</summary>
public class KoyebProviderTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorHost _host;

    public KoyebProviderTests(EmulatorFixture emulator) => _host = emulator.Host;

    [Fact]
    public async Task ListsOverTwelveHundredSnapshotsAcrossManyPagesUntilHasNextIsFalse()
    {
        var ids = _host.Koyeb.SeedSnapshots(1234, Unique("paged"), region: "par");
        using var provider = _host.KoyebProvider(region: "par");
        var before = _host.KoyebRequests("GET", queryContains: "region=par");

        var listed = await provider.ListSnapshotsAsync(new SnapshotQuery { PageSize = 100 }, CancellationToken.None).ToListAsync();

        Assert.Equal(ids.Reverse(), listed.Select(s => s.Id));
        Assert.True(_host.KoyebRequests("GET", queryContains: "region=par") - before >= 13);
        Assert.Contains(_host.Requests.Snapshot(), r => r.Provider == "koyeb" && r.Query.Contains("limit=100&offset=1200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NormalizesASeededSnapshot()
    {
        var volume = _host.Koyeb.AddVolume("db", "was", maxSizeGb: 20);
        var id = _host.Koyeb.SeedSnapshots(1, Unique("norm"), volume)[0];
        using var provider = _host.KoyebProvider();

        var snapshot = await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(CloudProvider.Koyeb, snapshot.Provider);
        Assert.Equal(SnapshotState.Available, snapshot.State);
        Assert.Equal("SNAPSHOT_STATUS_AVAILABLE", snapshot.ProviderState);
        Assert.Equal("SNAPSHOT_TYPE_REMOTE", snapshot.SnapshotType);
        Assert.Equal(20_000_000_000, snapshot.SizeBytes);
        Assert.Equal(volume, snapshot.VolumeId);
        Assert.Equal("was", snapshot.Location);
        Assert.Equal(KoyebFake.DefaultOrganizationId, snapshot.Owner);
        Assert.Empty(snapshot.Tags);
        Assert.IsType<KoyebSnapshot>(snapshot.ProviderObject);
    }

    [Fact]
    public async Task FiltersByRegionStateNameAndVolumeSendingWhatTheServerCanFilter()
    {
        var name = Unique("filt");
        var volume = _host.Koyeb.AddVolume("db", "sin");
        var mine = _host.Koyeb.SeedSnapshots(3, name + "-", volume);
        _host.Koyeb.SeedSnapshots(2, name + "-", region: "sin");
        using var provider = _host.KoyebProvider();

        var listed = await provider.ListSnapshotsAsync(new SnapshotQuery
        {
            Location = "sin", VolumeId = volume, Names = new[] { name + "-*" }, States = new[] { SnapshotState.Available },
        }, CancellationToken.None).ToListAsync();

        Assert.Equal(mine.OrderBy(i => i), listed.Select(s => s.Id).OrderBy(i => i));
        Assert.Contains(_host.Requests.Snapshot(), r => r.Provider == "koyeb" &&
            r.Query.Contains("statuses=SNAPSHOT_STATUS_AVAILABLE", StringComparison.Ordinal) && r.Query.Contains("region=sin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOrganizationIdNarrowsTheListingOnTheServer()
    {
        _host.Koyeb.SeedSnapshots(2, Unique("org"), region: "tyo");
        var settings = _host.KoyebSettings(region: "tyo");
        settings.OrganizationId = "11111111-2222-4333-8444-555555555555";
        using var provider = new KoyebProvider(settings, "other-org");

        var listed = await provider.ListSnapshotsAsync(new SnapshotQuery(), CancellationToken.None).ToListAsync();

        Assert.Empty(listed);
        Assert.Contains(_host.Requests.Snapshot(), r => r.Provider == "koyeb" && r.Query.Contains("organization_id=11111111-2222-4333-8444-555555555555", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadsBySnapshotIdShortIdOrNameLikeTheCli()
    {
        var name = Unique("byname");
        var id = _host.Koyeb.SeedSnapshots(1, name)[0];
        using var provider = _host.KoyebProvider();

        var byShortId = await provider.GetSnapshotAsync(new SnapshotLocator(id[..8]), CancellationToken.None);
        var byName = await provider.GetSnapshotAsync(new SnapshotLocator(name + "001"), CancellationToken.None);

        Assert.Equal(id, byShortId.Id);
        Assert.Equal(id, byName.Id);
    }

    [Fact]
    public async Task ANameTwoSnapshotsShareIsRefusedNamingBoth()
    {
        var prefix = Unique("twin");
        var first = _host.Koyeb.SeedSnapshots(1, prefix)[0];
        var second = _host.Koyeb.SeedSnapshots(1, prefix)[0];
        using var provider = _host.KoyebProvider();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => provider.GetSnapshotAsync(new SnapshotLocator(prefix + "001"), CancellationToken.None));

        Assert.Equal("Id", refused.ParamName);
        Assert.Contains(first, refused.Message);
        Assert.Contains(second, refused.Message);
    }

    [Fact]
    public async Task AnUnknownIdIsNotFoundWithTheRequestId()
    {
        using var provider = _host.KoyebProvider();

        var missing = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(Guid.NewGuid().ToString()), CancellationToken.None));
        var unnamed = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(Unique("nobody")), CancellationToken.None));

        Assert.Equal(CloudErrorKind.NotFound, missing.Kind);
        Assert.Equal(404, missing.StatusCode);
        Assert.Equal("unknown_resource", missing.ErrorCode);
        Assert.Contains("Snapshot not found", missing.Message);
        Assert.NotNull(missing.RequestId);
        Assert.Equal(CloudErrorKind.NotFound, unnamed.Kind);
    }

    [Fact]
    public async Task CreatesFromAVolumeAndTheWaiterSeesItBecomeAvailable()
    {
        var volume = _host.Koyeb.AddVolume("db", "fra", maxSizeGb: 15);
        using var provider = _host.KoyebProvider();

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "db-before-upgrade" }, CancellationToken.None);
        var ready = await new SnapshotWaiter(provider).WaitAsync(SnapshotLocator.From(created), new[] { SnapshotState.Available }, TimeSpan.FromSeconds(20), null, CancellationToken.None);

        Assert.Equal(SnapshotState.Pending, created.State);
        Assert.Equal("SNAPSHOT_STATUS_CREATING", created.ProviderState);
        Assert.Equal("SNAPSHOT_TYPE_LOCAL", created.SnapshotType);
        Assert.Equal(15_000_000_000, created.SizeBytes);
        Assert.Equal(SnapshotState.Available, ready!.State);
        Assert.Equal("SNAPSHOT_TYPE_REMOTE", ready.SnapshotType);
    }

    [Fact]
    public async Task ACreateWithoutANameGetsAGeneratedOneAndSendsTheProject()
    {
        var volume = _host.Koyeb.AddVolume("db");
        var settings = _host.KoyebSettings();
        settings.ProjectId = "99999999-8888-4777-8666-555555555555";
        using var provider = new KoyebProvider(settings, "koyeb");

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);

        Assert.Matches("^snp-[0-9a-f]{12}$", created.Name);
        Assert.Contains("\"project_id\":\"99999999-8888-4777-8666-555555555555\"",
            _host.Requests.Snapshot().Last(r => r.Provider == "koyeb" && r.Method == "POST").Body);
    }

    [Fact]
    public async Task ACreateFromAnUnknownVolumeIsNotFound()
    {
        using var provider = _host.KoyebProvider();

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = Guid.NewGuid().ToString(), Name = "orphan" }, CancellationToken.None));

        Assert.Equal(CloudErrorKind.NotFound, failure.Kind);
        Assert.Contains("Volume not found", failure.Message);
    }

    [Fact]
    public async Task RenamesWithAPostOnTheItem()
    {
        var id = _host.Koyeb.SeedSnapshots(1, Unique("ren"))[0];
        using var provider = _host.KoyebProvider();

        var renamed = await provider.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(id)) { Name = "db-pre-v2" }, CancellationToken.None);

        Assert.Equal("db-pre-v2", renamed.Name);
        Assert.Equal("db-pre-v2", (await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None)).Name);
        Assert.Equal("{\"name\":\"db-pre-v2\"}", _host.Requests.Snapshot().Last(r => r.Provider == "koyeb" && r.Method == "POST" && r.Path.EndsWith(id)).Body);
    }

    [Fact]
    public async Task DeletesAndTheSnapshotIsGone()
    {
        var id = _host.Koyeb.SeedSnapshots(1, Unique("del"))[0];
        using var provider = _host.KoyebProvider();

        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);
        var gone = await new SnapshotWaiter(provider).WaitAsync(new SnapshotLocator(id), new[] { SnapshotState.Deleted }, TimeSpan.FromSeconds(20), null, CancellationToken.None);

        Assert.Null(gone);
        Assert.Null(_host.Koyeb.StateOf(id));
    }

    [Fact]
    public async Task WhatKoyebCannotDoIsRefusedBeforeAnyRequestNamingWhatItCan()
    {
        using var provider = _host.KoyebProvider();
        var before = _host.Requests.Snapshot().Count(r => r.Provider == "koyeb");
        var volume = Guid.NewGuid().ToString();
        var locator = new SnapshotLocator(Guid.NewGuid().ToString());

        var tags = Assert.Throws<ProviderCapabilityException>(() => provider.Validate(new CreateSnapshotRequest
        {
            VolumeId = volume, Tags = new Dictionary<string, string> { ["env"] = "prod" },
        }));
        var description = Assert.Throws<ProviderCapabilityException>(() => provider.Validate(new UpdateSnapshotRequest(locator) { Description = "weekly" }));
        var copy = Assert.Throws<ProviderCapabilityException>(() => provider.Validate(new CopySnapshotRequest(locator)));
        var export = Assert.Throws<ProviderCapabilityException>(() => provider.Validate(new ExportSnapshotRequest(locator, "bucket")));
        var share = Assert.Throws<ProviderCapabilityException>(() => provider.Validate(locator, new PermissionChange(true, new[] { "1" }, false)));
        var import = Assert.Throws<ProviderCapabilityException>(() => provider.Validate(new CreateSnapshotRequest { ImportUri = new Uri("https://x/y"), SizeBytes = 1 }));
        var tagFilter = Assert.Throws<ProviderCapabilityException>(() => provider.ListSnapshotsAsync(new SnapshotQuery { Tags = new Dictionary<string, string> { ["a"] = "" } }, CancellationToken.None));

        Assert.Equal(ProviderCapabilities.Tags, tags.Missing);
        Assert.Contains("It supports: Create, Rename, Delete", tags.Message);
        Assert.Contains("-Name", tags.Message);
        Assert.Equal(ProviderCapabilities.Description, description.Missing);
        Assert.Equal(ProviderCapabilities.Copy, copy.Missing);
        Assert.Equal(ProviderCapabilities.Export, export.Missing);
        Assert.Equal(ProviderCapabilities.Permissions, share.Missing);
        Assert.Equal(ProviderCapabilities.Import, import.Missing);
        Assert.Contains("-VolumeId", import.Message);
        Assert.Equal(ProviderCapabilities.Tags, tagFilter.Missing);
        await Assert.ThrowsAsync<ProviderCapabilityException>(() => provider.CopySnapshotAsync(new CopySnapshotRequest(locator), CancellationToken.None));
        Assert.Equal(before, _host.Requests.Snapshot().Count(r => r.Provider == "koyeb"));
    }

    [Theory]
    [InlineData("VolumeId", null, "ok-name", null)]
    [InlineData("VolumeId", "vol-123", "ok-name", null)]
    [InlineData("Name", "0b6a4c1e-3f7d-4a35-9a8e-2d1f5c7b9e10", "x", null)]
    [InlineData("Location", "0b6a4c1e-3f7d-4a35-9a8e-2d1f5c7b9e10", "ok-name", "fra")]
    public void BadCreateInputIsRefusedNamingTheParameter(string parameter, string? volumeId, string name, string? location)
    {
        using var provider = _host.KoyebProvider();

        var refused = Assert.Throws<ArgumentException>(() => provider.Validate(new CreateSnapshotRequest { VolumeId = volumeId, Name = name, Location = location }));

        Assert.Equal(parameter, refused.ParamName);
    }
}
