using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers.Outscale;

/// <summary>The Outscale client against the fake over loopback: every seed operation.</summary>
public class OutscaleProviderTests : IClassFixture<EmulatorFixture>
{
    private const string OtherAccount = "210987654321";
    private readonly EmulatorFixture _emulator;

    public OutscaleProviderTests(EmulatorFixture emulator) => _emulator = emulator;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    private IReadOnlyList<string> Seed(int count, string name, string? volume = null) =>
        _emulator.Outscale.SeedSnapshots(count, volume, "seeded", new[] { new KeyValuePair<string, string>("Name", name) });

    [Fact]
    public async Task ReadsEverySnapshotAcrossPagesWithTheNextPageToken()
    {
        var name = Unique("paged");
        var ids = Seed(23, name);
        using var provider = _emulator.OutscaleProvider();

        var listed = await All(provider.ListSnapshotsAsync(new SnapshotQuery { Names = new[] { name }, PageSize = 5 }, CancellationToken.None));

        Assert.Equal(ids, listed.Select(s => s.Id));
        Assert.All(listed, s => Assert.Equal(name, s.Name));
        Assert.True(_emulator.OutscaleCalls("ReadSnapshots") >= 5);
    }

    [Fact]
    public async Task MapsASnapshotToTheCommonModel()
    {
        var volume = _emulator.Outscale.AddVolume(10);
        var id = Seed(1, Unique("mapped"), volume)[0];
        using var provider = _emulator.OutscaleProvider();

        var snapshot = await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(CloudProvider.Outscale, snapshot.Provider);
        Assert.Equal(SnapshotState.Available, snapshot.State);
        Assert.Equal("completed", snapshot.ProviderState);
        Assert.Equal(10L << 30, snapshot.SizeBytes);
        Assert.Equal(volume, snapshot.VolumeId);
        Assert.Equal(OutscaleFake.DefaultAccountId, snapshot.Owner);
        Assert.Equal("eu-west-2", snapshot.Location);
        Assert.Equal("seeded", snapshot.Description);
        Assert.False(snapshot.Permissions!.IsPublic);
    }

    [Fact]
    public async Task FiltersByVolumeAndTags()
    {
        var volume = _emulator.Outscale.AddVolume(5);
        var tagged = _emulator.Outscale.SeedSnapshots(2, volume, "", new[] { new KeyValuePair<string, string>("env", "prod") });
        _emulator.Outscale.SeedSnapshots(1, volume, "", new[] { new KeyValuePair<string, string>("env", "dev") });
        using var provider = _emulator.OutscaleProvider();

        var listed = await All(provider.ListSnapshotsAsync(new SnapshotQuery { VolumeId = volume, Tags = new Dictionary<string, string> { ["env"] = "prod" } }, CancellationToken.None));

        Assert.Equal(tagged, listed.Select(s => s.Id));
    }

    [Fact]
    public async Task CreatesFromAVolumeThenNamesAndTagsItInOneCall()
    {
        var volume = _emulator.Outscale.AddVolume(20);
        using var provider = _emulator.OutscaleProvider();
        var tagCallsBefore = _emulator.OutscaleCalls("CreateTags");

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest
        {
            VolumeId = volume, Name = "nightly", Description = "before upgrade", Tags = new Dictionary<string, string> { ["env"] = "prod" },
        }, CancellationToken.None);

        Assert.StartsWith("snap-", created.Id);
        Assert.Equal("nightly", created.Name);
        Assert.Equal("before upgrade", created.Description);
        Assert.Equal("prod", created.Tags["env"]);
        var read = await provider.GetSnapshotAsync(SnapshotLocator.From(created), CancellationToken.None);
        Assert.Equal("nightly", read.Name);
        Assert.Equal(SnapshotState.Available, read.State);
        Assert.Equal(tagCallsBefore + 1, _emulator.OutscaleCalls("CreateTags"));
    }

    [Fact]
    public async Task CopiesASnapshotInTheSameRegion()
    {
        var source = Seed(1, Unique("source"))[0];
        using var provider = _emulator.OutscaleProvider();

        var copy = await provider.CopySnapshotAsync(new CopySnapshotRequest(new SnapshotLocator(source)) { Name = "the-copy" }, CancellationToken.None);

        Assert.NotEqual(source, copy.Id);
        Assert.Equal("the-copy", copy.Name);
        Assert.True(_emulator.Outscale.SnapshotExists(copy.Id));
    }

    [Fact]
    public async Task CopiesFromAnotherRegionNamingTheSourceRegion()
    {
        var source = Seed(1, Unique("faraway"))[0];
        using var provider = _emulator.OutscaleProvider();

        var copy = await provider.CopySnapshotAsync(new CopySnapshotRequest(new SnapshotLocator(source)) { SourceRegion = "us-east-2" }, CancellationToken.None);

        Assert.StartsWith("snap-", copy.Id);
        var sent = _emulator.Host.Requests.Snapshot().Last(r => r.Path.EndsWith("/CreateSnapshot"));
        Assert.Contains("\"SourceRegionName\":\"us-east-2\"", sent.Body);
    }

    [Fact]
    public async Task ImportsFromAPreSignedUrl()
    {
        using var provider = _emulator.OutscaleProvider();
        var url = new Uri("https://oos.eu-west-2.outscale.com/backups/disk.qcow2?AWSAccessKeyId=AK&Expires=1893456000&Signature=abc");

        var imported = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { ImportUri = url, SizeBytes = 3L << 30, Name = "imported" }, CancellationToken.None);

        Assert.Equal(SnapshotState.Importing, imported.State);
        var read = await provider.GetSnapshotAsync(SnapshotLocator.From(imported), CancellationToken.None);
        Assert.Equal(SnapshotState.Available, read.State);
        Assert.Equal(3L << 30, read.SizeBytes);
    }

    [Fact]
    public async Task RenamesAndRetagsKeepingTheNameUnlessReplaced()
    {
        var id = _emulator.Outscale.SeedSnapshots(1, null, "", new[] { new KeyValuePair<string, string>("Name", "old"), new("temp", "1") })[0];
        using var provider = _emulator.OutscaleProvider();

        var retagged = await provider.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(id)) { Tags = new Dictionary<string, string> { ["env"] = "prod" } }, CancellationToken.None);
        Assert.Equal(new Dictionary<string, string> { ["Name"] = "old", ["env"] = "prod" }, retagged.Tags);

        var renamed = await provider.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(id)) { Name = "new" }, CancellationToken.None);
        Assert.Equal("new", renamed.Name);
        Assert.Equal("prod", renamed.Tags["env"]);
    }

    [Fact]
    public async Task DeletesASnapshot()
    {
        var id = Seed(1, Unique("doomed"))[0];
        using var provider = _emulator.OutscaleProvider();

        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.False(_emulator.Outscale.SnapshotExists(id));
        var gone = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None));
        Assert.Equal(CloudErrorKind.NotFound, gone.Kind);
    }

    [Fact]
    public async Task GrantsAndRevokesAccountsAndPublicAccess()
    {
        var id = Seed(1, Unique("shared"))[0];
        using var provider = _emulator.OutscaleProvider();

        var granted = await provider.ChangePermissionsAsync(new SnapshotLocator(id), new PermissionChange(true, new[] { OtherAccount }, @public: false), CancellationToken.None);
        Assert.Equal(new[] { OtherAccount }, granted.Permissions!.AccountIds);
        Assert.Contains(id, _emulator.Outscale.SnapshotIdsSharedWith(OtherAccount));

        var madePublic = await provider.ChangePermissionsAsync(new SnapshotLocator(id), new PermissionChange(true, Array.Empty<string>(), @public: true), CancellationToken.None);
        Assert.True(madePublic.Permissions!.IsPublic);

        var revoked = await provider.ChangePermissionsAsync(new SnapshotLocator(id), new PermissionChange(false, new[] { OtherAccount }, @public: true), CancellationToken.None);
        Assert.False(revoked.Permissions!.IsPublic);
        Assert.Empty(revoked.Permissions.AccountIds);
    }

    [Fact]
    public async Task ExportsToABucketAndTheTaskCompletes()
    {
        var id = Seed(1, Unique("export"))[0];
        using var provider = _emulator.OutscaleProvider();

        var task = await provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(id), "backups") { Prefix = "daily/", Format = DiskImageFormat.Raw }, CancellationToken.None);

        Assert.StartsWith("snap-export-", task.Id);
        Assert.Equal(id, task.SnapshotId);
        Assert.Equal("backups", task.Bucket);
        Assert.Equal("daily/", task.Prefix);
        Assert.Equal(DiskImageFormat.Raw, task.DiskImageFormat);
        var done = await new Core.Engine.ExportTaskWaiter(provider).WaitAsync(task.Id, TimeSpan.FromSeconds(10), null, CancellationToken.None);
        Assert.Equal(ExportTaskState.Completed, done.State);
        Assert.Contains(await All(provider.ListExportTasksAsync(new ExportTaskQuery { SnapshotIds = new[] { id } }, CancellationToken.None)), t => t.Id == task.Id);
    }

    [Fact]
    public async Task TheBucketOwnersSecretKeyIsSentButNeverRecorded()
    {
        var id = Seed(1, Unique("foreign-bucket"))[0];
        using var provider = _emulator.OutscaleProvider();

        await provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(id), "their-bucket")
        {
            BucketAccessKey = "AKBUCKETOWNER0000001", BucketSecretKey = Core.Connections.SecretValue.FromPlainText("bucket-owner-secret-value"),
        }, CancellationToken.None);

        Assert.DoesNotContain(_emulator.Host.Requests.Snapshot(), r => (r.Body ?? "").Contains("bucket-owner-secret-value"));
    }

    [Fact]
    public async Task CancelsAnExportTask()
    {
        _emulator.Outscale.Timings.ExportDelay = TimeSpan.FromMinutes(5);
        try
        {
            var id = Seed(1, Unique("cancel"))[0];
            using var provider = _emulator.OutscaleProvider();
            var task = await provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(id), "backups"), CancellationToken.None);

            await provider.CancelExportTaskAsync(task.Id, CancellationToken.None);

            Assert.Equal(ExportTaskState.Cancelled, (await provider.GetExportTaskAsync(task.Id, CancellationToken.None)).State);
        }
        finally
        {
            _emulator.Outscale.Timings.ExportDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task AFailedExportTaskEndsTheWaitWithItsComment()
    {
        var id = Seed(1, Unique("fail"))[0];
        using var provider = _emulator.OutscaleProvider();
        _emulator.Outscale.FailNextExportTasks(1);
        var task = await provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(id), "backups"), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<Core.Engine.SnapshotWaitException>(() =>
            new Core.Engine.ExportTaskWaiter(provider).WaitAsync(task.Id, TimeSpan.FromSeconds(10), null, CancellationToken.None));

        Assert.Contains("Failed", failure.Message);
        Assert.False(failure.TimedOut);
    }
}
