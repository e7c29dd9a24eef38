using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Pipeline;
using SnapshotPS.Tests.Providers.Koyeb;

namespace SnapshotPS.Tests.Operations.Koyeb;

/// <summary>The foundation cmdlets on a Koyeb connection, through the seam: -Wait, per-item errors, NotSupported.</summary>
public class KoyebOperationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorHost _host;
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();

    public KoyebOperationTests(EmulatorFixture emulator)
    {
        _host = emulator.Host;
        _host.AddKoyeb(_registry);
    }

    private async Task<List<CloudSnapshot>> Seeded(int count)
    {
        var prefix = KoyebEmulator.Unique("op");
        _host.Koyeb.SeedSnapshots(count, prefix);
        var reader = new RecordingContext();
        await new GetSnapshotOperation(_registry, reader).ProcessAsync(new GetSnapshotRequest { Names = new[] { prefix + "*" } }, CancellationToken.None);
        return reader.ObjectsOf<CloudSnapshot>().ToList();
    }

    [Fact]
    public async Task NewWithWaitWritesTheSnapshotOnceAvailableInRemoteStorage()
    {
        var volume = _host.Koyeb.AddVolume("db");

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(
            new NewSnapshotRequest { VolumeId = volume, Name = "db-before-upgrade", Wait = true, Timeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);

        var made = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal(SnapshotState.Available, made.State);
        Assert.Equal("SNAPSHOT_TYPE_REMOTE", made.SnapshotType);
        Assert.Equal("db-before-upgrade", made.Name);
        Assert.Empty(_context.Errors);
    }

    [Fact]
    public async Task NewWithATagIsNotSupportedAndNamesWhatKoyebCanDo()
    {
        var volume = _host.Koyeb.AddVolume("db");
        var before = _host.KoyebRequests("POST");

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(
            new NewSnapshotRequest { VolumeId = volume, Tags = new System.Collections.Hashtable { ["env"] = "prod" } }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("NewCloudSnapshotNotSupported", error.ErrorId);
        Assert.Equal(OperationErrorCategory.NotImplemented, error.Category);
        Assert.Contains("It supports: Create, Rename, Delete", error.Exception.Message);
        Assert.Equal(before, _host.KoyebRequests("POST"));
    }

    [Fact]
    public async Task GetByIdWritesOneErrorPerMissingIdAndTheRestGoOn()
    {
        var snapshots = await Seeded(2);
        var missing = Guid.NewGuid().ToString();

        await new GetSnapshotOperation(_registry, _context).ProcessAsync(
            new GetSnapshotRequest { Ids = new[] { snapshots[0].Id, missing, snapshots[1].Id[..8] } }, CancellationToken.None);

        Assert.Equal(new[] { snapshots[0].Id, snapshots[1].Id }, _context.ObjectsOf<CloudSnapshot>().Select(s => s.Id));
        var error = Assert.Single(_context.Errors);
        Assert.Equal("GetCloudSnapshotNotFound", error.ErrorId);
        Assert.Equal(missing, error.Target);
    }

    [Fact]
    public async Task SetRenamesOnThePipelineAndRefusesTagsAndDescriptions()
    {
        var snapshot = (await Seeded(1))[0];

        await new SetSnapshotOperation(_registry, _context).ProcessAsync(
            new SetSnapshotRequest { Target = new SnapshotTarget { InputObject = snapshot }, Name = "db-pre-v2", PassThru = true }, CancellationToken.None);
        await new SetSnapshotOperation(_registry, _context).ProcessAsync(
            new SetSnapshotRequest { Target = new SnapshotTarget { InputObject = snapshot }, Description = "weekly" }, CancellationToken.None);

        Assert.Equal("db-pre-v2", Assert.Single(_context.ObjectsOf<CloudSnapshot>()).Name);
        Assert.Equal("SetCloudSnapshotNotSupported", Assert.Single(_context.Errors).ErrorId);
    }

    [Fact]
    public async Task RemoveWithWaitReturnsOnceEverySnapshotIsGone()
    {
        var snapshots = await Seeded(3);

        foreach (var snapshot in snapshots)
        {
            await new RemoveSnapshotOperation(_registry, _context).ProcessAsync(
                new RemoveSnapshotRequest { Target = new SnapshotTarget { InputObject = snapshot }, Force = true, Wait = true, Timeout = TimeSpan.FromSeconds(30) },
                CancellationToken.None);
        }

        Assert.Empty(_context.Errors);
        Assert.All(snapshots, s => Assert.Null(_host.Koyeb.StateOf(s.Id)));
    }

    [Fact]
    public async Task RemoveWithWhatIfSendsNoDelete()
    {
        var snapshot = (await Seeded(1))[0];
        _context.IsWhatIf = true;

        await new RemoveSnapshotOperation(_registry, _context).ProcessAsync(
            new RemoveSnapshotRequest { Target = new SnapshotTarget { InputObject = snapshot } }, CancellationToken.None);

        Assert.Equal(0, _host.KoyebRequests("DELETE", snapshot.Id));
        Assert.NotNull(_host.Koyeb.StateOf(snapshot.Id));
    }

    [Fact]
    public async Task CopyAndExportAreNotSupportedOnKoyeb()
    {
        var snapshot = (await Seeded(1))[0];

        await new CopySnapshotOperation(_registry, _context).ProcessAsync(
            new CopySnapshotRequestInput { Source = new SnapshotTarget { InputObject = snapshot } }, CancellationToken.None);
        await new ExportSnapshotOperation(_registry, _context).ProcessAsync(
            new ExportSnapshotInput { Target = new SnapshotTarget { InputObject = snapshot }, Bucket = "backups" }, CancellationToken.None);

        Assert.Equal(new[] { "CopyCloudSnapshotNotSupported", "ExportCloudSnapshotNotSupported" }, _context.Errors.Select(e => e.ErrorId));
        Assert.All(_context.Errors, e => Assert.Contains("Koyeb does not support", e.Exception.Message));
    }

    [Fact]
    public async Task WaitWritesTheSnapshotOnceAvailable()
    {
        var volume = _host.Koyeb.AddVolume("db");
        var created = await _registry.Resolve("koyeb").GetClient().CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);

        await new WaitSnapshotOperation(_registry, _context).ProcessAsync(
            new WaitSnapshotRequest { Target = new SnapshotTarget { InputObject = created }, Timeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);

        Assert.Equal(SnapshotState.Available, Assert.Single(_context.ObjectsOf<CloudSnapshot>()).State);
    }

    [Fact]
    public async Task AnIdThatCannotNameAKoyebSnapshotIsRefusedBeforeAnyRequest()
    {
        var before = _host.Requests.Snapshot().Count(r => r.Provider == "koyeb");

        await new GetSnapshotOperation(_registry, _context).ProcessAsync(new GetSnapshotRequest { Ids = new[] { new string('x', 64) } }, CancellationToken.None);

        Assert.Equal("GetCloudSnapshotInvalidArgument", Assert.Single(_context.Errors).ErrorId);
        Assert.Equal(before, _host.Requests.Snapshot().Count(r => r.Provider == "koyeb"));
    }
}
