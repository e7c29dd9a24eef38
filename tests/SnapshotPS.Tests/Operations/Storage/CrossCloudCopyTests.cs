using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Storage;
using SnapshotPS.Emulator;
using SnapshotPS.Emulator.Tests.Support;
using SnapshotPS.Operations;

namespace SnapshotPS.Tests.Operations.Storage;

/// <summary>
/// Copy-CloudSnapshot between OUTSCALE (cloud A, store A) and Scaleway (cloud B, store B) and back: the object is
/// streamed between the stores, Scaleway imports by bucket and key, OUTSCALE through a pre-signed URL.
/// </summary>
public sealed class CrossCloudCopyTests : IClassFixture<TwoStoresFixture>
{
    private const long TwelveGiB = 12L << 30;
    private readonly TwoStoresFixture _clouds;
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();

    public CrossCloudCopyTests(TwoStoresFixture clouds)
    {
        _clouds = clouds;
        TwoStoresFixture.Connect(_registry, "osc", clouds.CloudA, clouds.StoreA);
        TwoStoresFixture.ConnectScaleway(_registry, "scw", clouds.CloudB, clouds.StoreB);
    }

    private async Task<CloudSnapshot> CopyAsync(CloudSnapshot source, string destination)
    {
        var context = new RecordingContext();
        await new CopySnapshotOperation(_registry, context).ProcessAsync(new CopySnapshotRequestInput
        {
            Source = new SnapshotTarget { InputObject = source },
            Destination = destination,
            Bucket = S3rverFixture.Bucket,
            DestinationBucket = S3rverFixture.Bucket,
            Timeout = TimeSpan.FromSeconds(30),
        }, CancellationToken.None);
        Assert.Empty(context.Errors);
        return Assert.Single(context.ObjectsOf<CloudSnapshot>());
    }

    private Task<CloudSnapshot> ReadAsync(string connection, string id) =>
        _registry.Resolve(connection).GetClient().GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

    [Fact]
    public async Task OutscaleToScalewayAndBackKeepsTheNameAndTheSize()
    {
        var source = await ReadAsync("osc", TwoStoresFixture.Seed(_clouds.CloudA, "round-trip", sizeGiB: 12));

        var there = await CopyAsync(source, "scw");
        var back = await CopyAsync(there, "osc");

        Assert.Equal((CloudProvider.Scaleway, "round-trip", TwelveGiB, SnapshotState.Available), (there.Provider, there.Name, there.SizeBytes, there.State));
        Assert.Equal((CloudProvider.Outscale, "round-trip", TwelveGiB, SnapshotState.Available), (back.Provider, back.Name, back.SizeBytes, back.State));
        Assert.NotEqual(source.Id, back.Id);
    }

    [Fact]
    public async Task ScalewayToOutscaleImportsThroughAPresignedUrlOfTheCopiedObject()
    {
        var volume = _clouds.CloudB.Scaleway.AddInstanceVolume("fr-par-1", "data", TwelveGiB);
        var id = _clouds.CloudB.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "scw-origin-", volume)[0];
        var source = await ReadAsync("scw", id);

        var copy = await CopyAsync(source, "osc");

        Assert.Equal((source.Name, source.SizeBytes), (copy.Name, copy.SizeBytes));
        var create = _clouds.CloudA.Requests.Snapshot().Last(r => r.Path.EndsWith("/CreateSnapshot", StringComparison.Ordinal)).Body!;
        Assert.Contains(_clouds.StoreA.ServiceUrl.Authority, create);
        Assert.Contains("X-Amz-Signature", create);
    }

    [Fact]
    public async Task ACopyAcrossCloudsWithoutABucketIsRefusedBeforeAnyRequest()
    {
        var source = await ReadAsync("osc", TwoStoresFixture.Seed(_clouds.CloudA, "no-bucket"));
        var calls = _clouds.CloudA.Requests.Snapshot().Count + _clouds.CloudB.Requests.Snapshot().Count;

        await new CopySnapshotOperation(_registry, _context).ProcessAsync(new CopySnapshotRequestInput
        {
            Source = new SnapshotTarget { InputObject = source }, Destination = "scw",
        }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("CopyCloudSnapshotInvalidArgument", error.ErrorId);
        Assert.Contains("-Bucket", error.Exception.Message);
        Assert.Contains("Outscale", error.Exception.Message);
        Assert.Equal(calls, _clouds.CloudA.Requests.Snapshot().Count + _clouds.CloudB.Requests.Snapshot().Count);
    }

    [Fact]
    public async Task AUrlImportIntoScalewayIsRefusedBeforeAnyRequestNamingBucketAndKey()
    {
        var calls = _clouds.CloudB.Requests.Snapshot().Count;

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest
        {
            ImportUri = new Uri("https://s3.fr-par.scw.cloud/exports/a.qcow2"), SizeBytes = 1L << 30, Connection = "scw",
        }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("NewCloudSnapshotNotSupported", error.ErrorId);
        Assert.Contains("-Bucket and -Key", error.Exception.Message);
        Assert.Equal(calls, _clouds.CloudB.Requests.Snapshot().Count);
    }

    [Fact]
    public async Task AnOutscaleExportPipedIntoScalewayOfAnotherStoreIsRefusedNamingCopy()
    {
        var export = new SnapshotExport { Connection = "osc", Provider = CloudProvider.Outscale, SnapshotId = "snap-00000001", Bucket = S3rverFixture.Bucket, Key = "snap-00000001.qcow2", Endpoint = _clouds.StoreA.ServiceUrl };
        var calls = _clouds.CloudB.Requests.Snapshot().Count;

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { Export = export, Connection = "scw" }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Contains("Copy-CloudSnapshot -Destination scw", error.Exception.Message);
        Assert.Equal(calls, _clouds.CloudB.Requests.Snapshot().Count);
    }

    [Fact]
    public async Task AScalewayExportPipedBackImportsByBucketAndKey()
    {
        var volume = _clouds.CloudB.Scaleway.AddInstanceVolume("fr-par-1", "back", 10_000_000_000);
        var id = _clouds.CloudB.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "scw-export-", volume)[0];
        var exporting = new RecordingContext();
        await new ExportSnapshotOperation(_registry, exporting).ProcessAsync(new ExportSnapshotInput
        {
            Target = new SnapshotTarget { Id = id, Connection = "scw" }, Bucket = S3rverFixture.Bucket, Key = "scw/" + id + ".qcow2", Wait = true,
            Timeout = TimeSpan.FromSeconds(30),
        }, CancellationToken.None);
        Assert.Empty(exporting.Errors);
        var export = Assert.Single(exporting.ObjectsOf<SnapshotExport>());
        Assert.Equal("scw/" + id + ".qcow2", export.Key);

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { Export = export, Name = "scw-restored", Wait = true, Timeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        var restored = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal(("scw-restored", "scw", 10_000_000_000L), (restored.Name, restored.Connection, restored.SizeBytes));
    }
}
