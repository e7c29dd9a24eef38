using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Operations;

namespace SnapshotPS.Tests.Operations;

/// <summary>New-CloudSnapshot -ClientToken, a stopped create, and a delete whose answer was lost, through the seam.</summary>
[Collection("faults")]
public class CreateOnceOperationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;
    private readonly RecordingContext _context = new();

    public CreateOnceOperationTests(EmulatorFixture emulator) => _emulator = emulator;

    private ConnectionRegistry RegistryOver(LosingTransport wire)
    {
        var registry = new ConnectionRegistry();
        var settings = _emulator.OutscaleSettings();
        registry.Add(new SnapshotConnection("outscale", settings, ProviderFactory.Create(settings, "outscale", wire), DateTimeOffset.Now), makeDefault: true);
        return registry;
    }

    [Fact]
    public async Task NewRunTwiceWithOneClientTokenWritesTheSameSnapshotTwiceAndMakesOne()
    {
        var registry = new ConnectionRegistry();
        _emulator.AddOutscale(registry);
        var volume = _emulator.Outscale.AddVolume(1);
        var request = new NewSnapshotRequest { Connection = "outscale", VolumeId = volume, Name = "nightly", ClientToken = "nightly-" + Guid.NewGuid().ToString("N")[..8] };

        await new NewSnapshotOperation(registry, _context).ProcessAsync(request, CancellationToken.None);
        await new NewSnapshotOperation(registry, _context).ProcessAsync(request, CancellationToken.None);

        Assert.Empty(_context.Errors);
        var written = _context.ObjectsOf<CloudSnapshot>().ToList();
        Assert.Equal(2, written.Count);
        Assert.Equal(written[0].Id, written[1].Id);
    }

    [Fact]
    public async Task NewWithABadClientTokenSendsNothing()
    {
        var registry = new ConnectionRegistry();
        _emulator.AddOutscale(registry);
        var before = _emulator.Host.Requests.Snapshot().Count;

        await new NewSnapshotOperation(registry, _context).ProcessAsync(
            new NewSnapshotRequest { Connection = "outscale", VolumeId = "vol-1a2b3c4d", ClientToken = "two words" }, CancellationToken.None);

        Assert.Equal("NewCloudSnapshotInvalidArgument", Assert.Single(_context.Errors).ErrorId);
        Assert.Equal(before, _emulator.Host.Requests.Snapshot().Count);
    }

    [Fact]
    public async Task AStoppedCreateWarnsAndWritesTheSnapshotThatExists()
    {
        using var stop = new CancellationTokenSource();
        var registry = RegistryOver(new LosingTransport(r => r.RequestUri!.AbsolutePath.EndsWith("/CreateSnapshot")) { CancelInstead = stop });
        var volume = _emulator.Outscale.AddVolume(1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new NewSnapshotOperation(registry, _context).ProcessAsync(new NewSnapshotRequest { VolumeId = volume }, stop.Token));

        var made = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal(volume, made.VolumeId);
        Assert.Contains(made.Id, Assert.Single(_context.Warnings));
    }

    [Fact]
    public async Task ARemoveWhoseAnswerWasLostReportsNoError()
    {
        var id = _emulator.Outscale.SeedSnapshots(1)[0];
        var registry = RegistryOver(LosingTransport.For("POST", "/DeleteSnapshot"));

        await new RemoveSnapshotOperation(registry, _context).ProcessAsync(
            new RemoveSnapshotRequest { Target = new SnapshotTarget { Id = id }, Force = true }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        Assert.False(_emulator.Outscale.SnapshotExists(id));
    }
}
