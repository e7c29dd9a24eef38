using System.Buffers.Binary;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;
using SnapshotPS.Emulator.Tests.Support;

namespace SnapshotPS.Tests.Providers.Scaleway;

/// <summary>The Scaleway client's exports, imports and export tasks against the fake and a real S3-compatible server.</summary>
public sealed class ScalewayExportImportTests(ScalewayStorageFixture storage) : IClassFixture<ScalewayStorageFixture>, IDisposable
{
    private const string Bucket = S3rverFixture.Bucket;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly string _prefix = $"c-{Guid.NewGuid():N}/";

    public void Dispose() => storage.Host.Faults.Clear();

    private static long QcowVirtualSize(byte[] image)
    {
        Assert.Equal("QFI\u00fb", string.Concat(image.Take(4).Select(b => (char)b)));
        return BinaryPrimitives.ReadInt64BigEndian(image.AsSpan(24));
    }

    private static Task<CloudSnapshot?> WaitAvailableAsync(ScalewayProvider provider, CloudSnapshot snapshot) =>
        new SnapshotWaiter(provider).WaitAsync(SnapshotLocator.From(snapshot), new[] { SnapshotState.Available }, Timeout, null, CancellationToken.None);

    private string InstanceSnapshot(string zone, long size)
    {
        var volume = storage.Scaleway.AddInstanceVolume(zone, "data", size);
        return storage.Scaleway.SeedInstanceSnapshots(zone, 1, "exp-", volume)[0];
    }

    [Fact]
    public async Task AnInstanceExportLandsAsAQcow2ObjectNamedPrefixIdAndItsTaskCompletes()
    {
        var id = InstanceSnapshot("fr-par-1", 30_000_000_000);
        using var provider = storage.Provider();

        var task = await provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(id), Bucket) { Prefix = _prefix }, CancellationToken.None);
        var done = await new ExportTaskWaiter(provider).WaitAsync(task.Id, Timeout, null, CancellationToken.None);

        Assert.Equal((id, id, Bucket, _prefix, $"{_prefix}{id}.qcow2"), (task.Id, task.SnapshotId, task.Bucket, task.Prefix, task.Key));
        Assert.Equal(DiskImageFormat.Qcow2, task.DiskImageFormat);
        Assert.Equal((ExportTaskState.Completed, "available", $"{_prefix}{id}.qcow2"), (done.State, done.ProviderState, done.Key));
        Assert.Equal(30_000_000_000, QcowVirtualSize((await storage.ReadObjectAsync($"{_prefix}{id}.qcow2"))!));
        Assert.Equal(1, storage.Requests("POST", $"/instance/v1/zones/fr-par-1/snapshots/{id}/export"));
    }

    [Fact]
    public async Task ABlockExportGoesToTheBlockApiWritesTheExactKeyAndStartsExporting()
    {
        var volume = storage.Scaleway.AddBlockVolume("fr-par-2", "blk", 15_000_000_000);
        var id = storage.Scaleway.AddBlockSnapshot("fr-par-2", "blk-exp", volume);
        using var provider = storage.Provider("fr-par-2");
        var key = _prefix + "exact/name.qcow2";

        var task = await provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(id), Bucket) { Key = key }, CancellationToken.None);
        var done = await new ExportTaskWaiter(provider).WaitAsync(task.Id, Timeout, null, CancellationToken.None);

        Assert.Equal((ExportTaskState.Active, "exporting", key, (string?)null), (task.State, task.ProviderState, task.Key, task.Prefix));
        Assert.Equal(ExportTaskState.Completed, done.State);
        Assert.Equal(15_000_000_000, QcowVirtualSize((await storage.ReadObjectAsync(key))!));
        Assert.Equal(1, storage.Requests("POST", $"/block/v1/zones/fr-par-2/snapshots/{id}/export-to-object-storage"));
        Assert.Equal(1, storage.Requests("POST", $"/instance/v1/zones/fr-par-2/snapshots/{id}/export")); // 404 there: not its API
    }

    [Theory]
    [InlineData(ScalewayProvider.LocalSnapshotType, "l_ssd")]
    [InlineData(ScalewayProvider.BlockSnapshotType, "block/sbs")]
    [InlineData(null, "block/sbs")]
    public async Task AnExportImportsBackWithItsSizeIntoTheApiItsSnapshotTypeNames(string? snapshotType, string expectedType)
    {
        var id = InstanceSnapshot("nl-ams-1", 40_000_000_000);
        using var provider = storage.Provider("nl-ams-1");
        var export = await provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(id), Bucket) { Prefix = _prefix }, CancellationToken.None);
        await new ExportTaskWaiter(provider).WaitAsync(export.Id, Timeout, null, CancellationToken.None);

        var imported = await provider.CreateSnapshotAsync(new CreateSnapshotRequest
        {
            ImportBucket = Bucket, ImportKey = export.Key, Name = "restored", SnapshotType = snapshotType,
            Tags = new Dictionary<string, string> { ["from"] = id },
        }, CancellationToken.None);
        var ready = await WaitAvailableAsync(provider, imported);

        Assert.Equal(40_000_000_000, ready!.SizeBytes);
        Assert.Equal(("restored", id, null), (ready.Name, ready.Tags["from"], ready.VolumeId));
        Assert.StartsWith(expectedType.Split('/')[0], ready.SnapshotType);
        Assert.Equal(expectedType == "l_ssd" ? typeof(ScalewayInstanceSnapshot) : typeof(ScalewayBlockSnapshot), ready.ProviderObject!.GetType());
    }

    [Fact]
    public async Task AnImportInAZoneWithoutBlockStorageGoesToTheInstanceApiAndKeepsTheGivenSize()
    {
        var id = InstanceSnapshot("it-mil-1", 2_000_000_000);
        using var provider = storage.Provider("it-mil-1");
        var export = await provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(id), Bucket) { Prefix = _prefix }, CancellationToken.None);
        await new ExportTaskWaiter(provider).WaitAsync(export.Id, Timeout, null, CancellationToken.None);

        var imported = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { ImportBucket = Bucket, ImportKey = export.Key, SizeBytes = 4L << 30 }, CancellationToken.None);

        Assert.Equal(("importing", 4L << 30, "l_ssd"), (imported.ProviderState, imported.SizeBytes, imported.SnapshotType));
        Assert.Equal(1, storage.Host.Requests.Snapshot().Count(r => r.Method == "POST" && r.Path.EndsWith("/instance/v1/zones/it-mil-1/snapshots", StringComparison.Ordinal)));
        Assert.Equal(0, storage.Requests("POST", "/block/v1/zones/it-mil-1/"));
    }

    [Fact]
    public async Task AnImportOfAnObjectThatIsNotQcow2EndsInAWaitErrorSayingWhy()
    {
        var key = _prefix + "plain.raw";
        await storage.PutObjectAsync(key, new byte[4096]);
        using var provider = storage.Provider();

        var imported = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { ImportBucket = Bucket, ImportKey = key, SnapshotType = "l_ssd" }, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<SnapshotWaitException>(() => WaitAvailableAsync(provider, imported));

        var last = Assert.IsType<CloudSnapshot>(failure.LastSeen);
        Assert.Equal((SnapshotState.Error, "invalid_data"), (last.State, last.ProviderState));
        Assert.Contains("invalid_data", failure.Message);
        Assert.Contains("not a QCOW2 image", failure.Message);
    }

    [Fact]
    public async Task AnImportOfAMissingObjectIntoBlockStorageIsRefusedWithTheReason()
    {
        using var provider = storage.Provider();

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { ImportBucket = Bucket, ImportKey = _prefix + "gone.qcow2" }, CancellationToken.None));

        Assert.Equal((CloudErrorKind.InvalidArgument, 400), (failure.Kind, failure.StatusCode));
        Assert.Contains("gone.qcow2", failure.Message);
    }

    [Fact]
    public async Task ExportTasksAreTheExportsThisConnectionStartedAndAnyOtherSnapshotIsNotFound()
    {
        var exported = InstanceSnapshot("pl-waw-1", 1_000_000_000);
        var other = InstanceSnapshot("pl-waw-1", 1_000_000_000);
        using var provider = storage.Provider("pl-waw-1");
        await provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(exported), Bucket) { Prefix = _prefix }, CancellationToken.None);

        var listed = new List<SnapshotExportTask>();
        await foreach (var task in provider.ListExportTasksAsync(new ExportTaskQuery(), CancellationToken.None)) listed.Add(task);
        var missing = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetExportTaskAsync(other, CancellationToken.None));
        using var another = storage.Provider("pl-waw-1");
        var unknownElsewhere = await Assert.ThrowsAsync<CloudApiException>(() => another.GetExportTaskAsync(exported, CancellationToken.None));

        var only = Assert.Single(listed);
        Assert.Equal((exported, Bucket, $"{_prefix}{exported}.qcow2"), (only.SnapshotId, only.Bucket, only.Key));
        Assert.Equal(CloudErrorKind.NotFound, missing.Kind);
        Assert.Contains("started through this connection", unknownElsewhere.Message);
    }

    [Fact]
    public async Task AFailedExportEndsItsWaitWithTheReasonScalewayGives()
    {
        var id = InstanceSnapshot("fr-par-2", 1_000_000_000);
        using var provider = storage.Provider("fr-par-2");
        storage.Scaleway.FailNextSnapshots(1);

        var task = await provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(id), Bucket) { Prefix = _prefix }, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<SnapshotWaitException>(() => new ExportTaskWaiter(provider).WaitAsync(task.Id, Timeout, null, CancellationToken.None));

        var last = Assert.IsType<SnapshotExportTask>(failure.LastSeen);
        Assert.Equal((ExportTaskState.Failed, "error"), (last.State, last.ProviderState));
        Assert.Contains("export to object storage failed", failure.Message);
        Assert.Null(await storage.ReadObjectAsync($"{_prefix}{id}.qcow2"));
    }

    [Fact]
    public async Task OneHundredExportsAtOnceAllLandAndAreAllListedOnce()
    {
        const string zone = "nl-ams-1";
        var volume = storage.Scaleway.AddInstanceVolume(zone, "many", 1_000_000_000);
        var ids = storage.Scaleway.SeedInstanceSnapshots(zone, 100, "many-", volume);
        using var provider = storage.Provider(zone);

        await Task.WhenAll(ids.Select(id => provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(id), Bucket) { Prefix = _prefix }, CancellationToken.None)));
        var listed = new List<SnapshotExportTask>();
        await foreach (var task in provider.ListExportTasksAsync(new ExportTaskQuery(), CancellationToken.None)) listed.Add(task);

        Assert.Equal(ids.OrderBy(i => i), listed.Select(t => t.SnapshotId).OrderBy(i => i));
        Assert.All(listed, t => Assert.Equal(ExportTaskState.Completed, t.State));
        foreach (var id in ids) Assert.NotNull(await storage.ReadObjectAsync($"{_prefix}{id}.qcow2"));
    }

    [Fact]
    public async Task CancellingAnExportIsRefusedSayingScalewayCannot()
    {
        using var provider = storage.Provider();
        var before = storage.Host.Requests.Snapshot().Count;

        var refusal = await Assert.ThrowsAnyAsync<ArgumentException>(() => provider.CancelExportTaskAsync(Guid.NewGuid().ToString(), CancellationToken.None));

        Assert.Contains("cannot cancel", refusal.Message);
        Assert.Equal(before, storage.Host.Requests.Snapshot().Count);
    }

    [Fact]
    public async Task ANameAndEveryTagAreSetWithOnePutAndANameAloneWithAPatch()
    {
        var id = InstanceSnapshot("pl-waw-2", 1_000_000_000);
        using var provider = storage.Provider("pl-waw-2");
        var path = $"/instance/v1/zones/pl-waw-2/snapshots/{id}";

        var set = await provider.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(id))
        {
            Name = "replaced", Tags = new Dictionary<string, string> { ["env"] = "prod", ["keep"] = "" },
        }, CancellationToken.None);
        var renamed = await provider.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(id)) { Name = "renamed" }, CancellationToken.None);
        var read = await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(("replaced", "prod", ""), (set.Name, set.Tags["env"], set.Tags["keep"]));
        Assert.Equal(("renamed", 2), (renamed.Name, renamed.Tags.Count));
        Assert.Equal(("renamed", "prod", 1_000_000_000L, SnapshotState.Available), (read.Name, read.Tags["env"], read.SizeBytes!.Value, read.State));
        Assert.Equal((1, 1), (storage.Requests("PUT", path), storage.Requests("PATCH", path)));
    }
}
