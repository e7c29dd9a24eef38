using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Tests.Operations;

/// <summary>Every operation checks every argument before its first request: a bad timeout never follows a create or a delete.</summary>
public class ArgumentsBeforeRequestsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;
    private readonly RecordingContext _context = new();

    public ArgumentsBeforeRequestsTests(EmulatorFixture emulator) => _emulator = emulator;

    private int Requests() => _emulator.Host.Requests.Snapshot().Count;

    private void AssertRefusedBeforeAnyRequest(int before, string errorId, string parameter)
    {
        var error = Assert.Single(_context.Errors);
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(parameter, ((ArgumentException)error.Exception).ParamName);
        Assert.Contains("more than zero", error.Exception.Message);
        Assert.Equal(before, Requests());
        Assert.Empty(_context.ShouldProcessCalls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public async Task NewWithATimeoutOfZeroOrLessCreatesNothing(int seconds)
    {
        var registry = _emulator.RegistryWithScaleway();
        var volume = _emulator.Scaleway.AddInstanceVolume("fr-par-1", "v", 1_000_000_000);
        var before = Requests();

        await new NewSnapshotOperation(registry, _context).ProcessAsync(
            new NewSnapshotRequest { VolumeId = volume, Wait = true, Timeout = TimeSpan.FromSeconds(seconds) }, CancellationToken.None);

        AssertRefusedBeforeAnyRequest(before, "NewCloudSnapshotInvalidArgument", "Timeout");
    }

    [Fact]
    public async Task RemoveWithANegativeTimeoutDeletesNothing()
    {
        var registry = _emulator.RegistryWithScaleway();
        var id = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "keep-")[0];
        var before = Requests();

        await new RemoveSnapshotOperation(registry, _context).ProcessAsync(
            new RemoveSnapshotRequest { Target = new SnapshotTarget { Id = id }, Force = true, Wait = true, Timeout = TimeSpan.FromSeconds(-1) }, CancellationToken.None);

        AssertRefusedBeforeAnyRequest(before, "RemoveCloudSnapshotInvalidArgument", "Timeout");
    }

    [Fact]
    public async Task CopyWithAZeroTimeoutCopiesNothing()
    {
        var registry = new Core.Connections.ConnectionRegistry();
        _emulator.AddOutscale(registry);
        var source = _emulator.Outscale.SeedSnapshots(1)[0];
        var before = Requests();

        await new CopySnapshotOperation(registry, _context).ProcessAsync(
            new CopySnapshotRequestInput { Source = new SnapshotTarget { Id = source }, Wait = true, Timeout = TimeSpan.Zero }, CancellationToken.None);

        AssertRefusedBeforeAnyRequest(before, "CopyCloudSnapshotInvalidArgument", "Timeout");
    }

    [Fact]
    public async Task ExportWithAZeroTimeoutStartsNoTask()
    {
        var registry = new Core.Connections.ConnectionRegistry();
        _emulator.AddOutscale(registry);
        var source = _emulator.Outscale.SeedSnapshots(1)[0];
        var before = Requests();

        await new ExportSnapshotOperation(registry, _context).ProcessAsync(
            new ExportSnapshotInput { Target = new SnapshotTarget { Id = source }, Bucket = "backups", Wait = true, Timeout = TimeSpan.Zero }, CancellationToken.None);

        AssertRefusedBeforeAnyRequest(before, "ExportCloudSnapshotInvalidArgument", "Timeout");
    }

    [Fact]
    public async Task WaitWithAZeroTimeoutReadsNothing()
    {
        var registry = _emulator.RegistryWithScaleway();
        var id = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "wait-")[0];
        var before = Requests();

        await new WaitSnapshotOperation(registry, _context).ProcessAsync(
            new WaitSnapshotRequest { Target = new SnapshotTarget { Id = id }, Timeout = TimeSpan.Zero }, CancellationToken.None);

        AssertRefusedBeforeAnyRequest(before, "WaitCloudSnapshotInvalidArgument", "Timeout");
    }

    [Fact]
    public async Task ThePollerRefusesAZeroIntervalBeforeItsFirstRead()
    {
        var reads = 0;
        var failure = await Assert.ThrowsAnyAsync<ArgumentException>(() => new Poller().PollAsync(
            _ => Task.FromResult(++reads), _ => PollVerdict.KeepWaiting, TimeSpan.FromSeconds(1), TimeSpan.Zero,
            null, _ => new Exception(), _ => new Exception(), CancellationToken.None));

        Assert.Equal("PollInterval", failure.ParamName);
        Assert.Equal(0, reads);
    }
}
