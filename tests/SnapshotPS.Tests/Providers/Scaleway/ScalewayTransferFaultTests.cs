using System.Buffers.Binary;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;
using SnapshotPS.Emulator.Tests.Support;

namespace SnapshotPS.Tests.Providers.Scaleway;

/// <summary>Scaleway exports and imports are never sent twice: under dropped connections and cut-off or unreadable answers.</summary>
public sealed class ScalewayTransferFaultTests(ScalewayStorageFixture storage) : IClassFixture<ScalewayStorageFixture>, IDisposable
{
    private const string Bucket = S3rverFixture.Bucket;

    private readonly string _prefix = $"f-{Guid.NewGuid():N}/";

    public void Dispose() => storage.Host.Faults.Clear();

    private string InstanceSnapshot(string zone, long size)
    {
        var volume = storage.Scaleway.AddInstanceVolume(zone, "data", size);
        return storage.Scaleway.SeedInstanceSnapshots(zone, 1, "fault-", volume)[0];
    }

    [Fact]
    public async Task AnExportWhoseConnectionDroppedIsNotSentAgainAndSaysWhatIsUnknown()
    {
        var id = InstanceSnapshot("fr-par-3", 1_000_000_000);
        using var provider = storage.Provider("fr-par-3");
        storage.Host.Faults.Add(new FaultRule { Provider = "scaleway", Method = "POST", PathContains = $"/{id}/export", Kind = FaultKind.DropConnection, Times = 1 });

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(id), Bucket) { Prefix = _prefix }, CancellationToken.None));

        Assert.True(failure.MayHaveSucceeded);
        Assert.Contains("not sent again", failure.Message);
        Assert.Contains("Look for the object", failure.Message);
        Assert.Equal(1, storage.Requests("POST", $"/{id}/export"));
        Assert.Null(await storage.ReadObjectAsync($"{_prefix}{id}.qcow2"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnExportWhoseAnswerWasCutOffIsNotSentAgainAndIsReportedStartedFromTheSnapshot(bool block)
    {
        const string zone = "nl-ams-2";
        var id = block ? storage.Scaleway.AddBlockSnapshot(zone, "cut") : InstanceSnapshot(zone, 1_000_000_000);
        var path = block ? $"/{id}/export-to-object-storage" : $"/{id}/export";
        using var provider = storage.Provider(zone);
        storage.Scaleway.Timings.ExportDelay = TimeSpan.FromMinutes(5);
        try
        {
            storage.Host.Faults.Add(new FaultRule { Provider = "scaleway", Method = "POST", PathContains = path, Kind = FaultKind.TruncatedBody, Times = 1 });
            var locator = new SnapshotLocator(id, zone, block ? new ScalewayBlockSnapshot { Id = id } : null);

            var task = await provider.ExportSnapshotAsync(new ExportSnapshotRequest(locator, Bucket) { Prefix = _prefix }, CancellationToken.None);

            Assert.Equal((ExportTaskState.Active, "exporting", $"{_prefix}{id}.qcow2"), (task.State, task.ProviderState, task.Key));
            Assert.Equal(1, storage.Requests("POST", path));
            Assert.NotNull(await storage.ReadObjectAsync($"{_prefix}{id}.qcow2"));
        }
        finally
        {
            storage.Scaleway.Timings.ExportDelay = TimeSpan.Zero;
        }
    }

    [Theory]
    [InlineData("l_ssd", "/instance/v1/zones/pl-waw-3/snapshots")]
    [InlineData("block", "/block/v1/zones/pl-waw-3/snapshots/import-from-object-storage")]
    public async Task AnImportWhoseAnswerWasUnreadableIsNotSentAgainAndTheSnapshotItMadeIsFoundByItsMarker(string snapshotType, string path)
    {
        var key = _prefix + "lost.qcow2";
        await storage.PutObjectAsync(key, QcowHeader(3L << 30));
        using var provider = storage.Provider("pl-waw-3");
        storage.Host.Faults.Add(new FaultRule { Provider = "scaleway", Method = "POST", PathContains = path, Kind = FaultKind.MalformedBody, Times = 1 });

        var imported = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { ImportBucket = Bucket, ImportKey = key, SnapshotType = snapshotType, Name = "lost-" + snapshotType }, CancellationToken.None);

        Assert.Equal(("lost-" + snapshotType, 3L << 30), (imported.Name, imported.SizeBytes!.Value));
        Assert.Empty(imported.Tags);
        Assert.Equal(1, storage.Host.Requests.Snapshot().Count(r => r.Method == "POST" && r.Path.EndsWith(path, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnImportWhoseConnectionDroppedIsNotSentAgainAndIsReportedNotMade()
    {
        var key = _prefix + "dropped.qcow2";
        await storage.PutObjectAsync(key, QcowHeader(1L << 30));
        using var provider = storage.Provider("nl-ams-3");
        const string path = "/block/v1/zones/nl-ams-3/snapshots/import-from-object-storage";
        storage.Host.Faults.Add(new FaultRule { Provider = "scaleway", Method = "POST", PathContains = path, Kind = FaultKind.DropConnection, Times = 1 });

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { ImportBucket = Bucket, ImportKey = key }, CancellationToken.None));

        Assert.Equal(CloudErrorKind.Network, failure.Kind);
        Assert.Contains("No snapshot was created", failure.Message);
        Assert.Equal(1, storage.Requests("POST", path));
    }

    private static byte[] QcowHeader(long virtualSize)
    {
        var header = new byte[512];
        new byte[] { (byte)'Q', (byte)'F', (byte)'I', 0xFB }.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 3);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(20), 16);
        BinaryPrimitives.WriteInt64BigEndian(header.AsSpan(24), virtualSize);
        return header;
    }
}
