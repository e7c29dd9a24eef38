using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Tests.Operations.Scaleway;

/// <summary>Scaleway's export, import choice and Set through the operations the cmdlets run.</summary>
public class ScalewayStorageOperationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();

    public ScalewayStorageOperationTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.AddScaleway(_registry, "scw");
        _emulator.AddOutscale(_registry);
    }

    [Fact]
    public async Task SnapshotTypeIsRefusedForAProviderThatDoesNotImportFromABucketBeforeAnyRequest()
    {
        var before = _emulator.Host.Requests.Snapshot().Count;

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(
            new NewSnapshotRequest { Connection = "outscale", VolumeId = "vol-12345678", SnapshotType = "l_ssd" }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("SnapshotType", ((ArgumentException)error.Exception).ParamName);
        Assert.Contains("Scaleway import", error.Exception.Message);
        Assert.Equal(before, _emulator.Host.Requests.Snapshot().Count);
    }

    [Fact]
    public async Task SetWithANameAndTagsReplacesEveryPropertyWithOnePut()
    {
        var id = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "set-op-", tags: new[] { "old=1" })[0];

        await new SetSnapshotOperation(_registry, _context).ProcessAsync(new SetSnapshotRequest
        {
            Target = new SnapshotTarget { Id = id, Connection = "scw" },
            Name = "set-op-renamed",
            Tags = new System.Collections.Hashtable { ["env"] = "prod" },
            PassThru = true,
        }, CancellationToken.None);

        var updated = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Empty(_context.Errors);
        Assert.Equal("set-op-renamed", updated.Name);
        Assert.Equal(new[] { "env" }, updated.Tags.Keys.ToArray());
        Assert.Equal(1, _emulator.ScalewayRequests("PUT", id));
        Assert.Equal(0, _emulator.ScalewayRequests("PATCH", id));
    }

    [Fact]
    public async Task StoppingAnExportIsAnErrorRecordSayingScalewayCannotCancel()
    {
        var id = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "stop-op-")[0];

        await new StopExportTaskOperation(_registry, _context).ProcessAsync(new ExportTaskTarget { Id = id, Connection = "scw" }, passThru: false, CancellationToken.None);

        Assert.Contains("cannot cancel", Assert.Single(_context.Errors).Exception.Message);
    }
}
