using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Pipeline;
using SnapshotPS.Tests.Providers.CloudMC;

namespace SnapshotPS.Tests.Operations.CloudMC;

/// <summary>The foundation cmdlets on a CloudMC connection, through the seam.</summary>
public sealed class CloudMCOperationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();
    private readonly string _environment;
    private readonly string _volume;

    public CloudMCOperationTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        CloudMCTestSupport.Reset(emulator);
        (_environment, _volume) = CloudMCTestSupport.NewEnvironment(emulator);
        var settings = CloudMCTestSupport.Settings(emulator, _environment);
        _registry.Add(new SnapshotConnection("cloudmc", settings, ProviderFactory.Create(settings, "cloudmc"), DateTimeOffset.Now), makeDefault: true);
    }

    private CloudMCFake Fake => _emulator.Host.CloudMC;

    private async Task<List<CloudSnapshot>> GetAsync(GetSnapshotRequest? request = null)
    {
        var reader = new RecordingContext();
        await new GetSnapshotOperation(_registry, reader).ProcessAsync(request ?? new GetSnapshotRequest(), CancellationToken.None);
        Assert.Empty(reader.Errors);
        return reader.ObjectsOf<CloudSnapshot>().ToList();
    }

    [Fact]
    public async Task New_with_Wait_returns_the_backed_up_snapshot()
    {
        Fake.Timings.CreatingDelay = TimeSpan.FromMilliseconds(200);

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(
            new NewSnapshotRequest { VolumeId = _volume, Name = "before-upgrade", Wait = true, Timeout = TimeSpan.FromSeconds(30) }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        var snapshot = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal(("before-upgrade", SnapshotState.Available, "BackedUp"), (snapshot.Name, snapshot.State, snapshot.ProviderState));
        Assert.Equal(_environment, snapshot.Location);
    }

    [Fact]
    public async Task Get_piped_to_Remove_with_Wait_removes_each_and_a_missing_one_is_an_error_for_that_item_only()
    {
        var ids = Fake.SeedSnapshots(_volume, 3, "rm-");
        var targets = (await GetAsync(new GetSnapshotRequest { Names = ["rm-*"] })).Select(s => new SnapshotTarget { InputObject = s }).ToList();
        var missing = Guid.NewGuid().ToString();
        targets.Insert(1, new SnapshotTarget { Id = missing });

        foreach (var target in targets)
            await new RemoveSnapshotOperation(_registry, _context).ProcessAsync(new RemoveSnapshotRequest { Target = target, Force = true, Wait = true }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal(("RemoveCloudSnapshotNotFound", (object?)missing), (error.ErrorId, error.Target));
        Assert.Empty(await GetAsync(new GetSnapshotRequest { Names = ["rm-*"] }));
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task Get_filters_by_volume_and_state_and_takes_the_first()
    {
        var other = Fake.AddVolume(_environment, "OTHER");
        Fake.SeedSnapshots(_volume, 5, "keep-");
        var others = Fake.SeedSnapshots(other, 4, "other-");

        var byVolume = await GetAsync(new GetSnapshotRequest { VolumeId = other, States = [SnapshotState.Available] });
        var first = await GetAsync(new GetSnapshotRequest { First = 2 });

        Assert.Equal(others, byVolume.Select(s => s.Id));
        Assert.Equal(2, first.Count);
    }

    [Fact]
    public async Task Set_is_refused_as_not_supported_naming_what_CloudMC_can_do()
    {
        var snapshot = (await GetAsync(new GetSnapshotRequest { Ids = [Fake.SeedSnapshots(_volume, 1, "set-")[0]] }))[0];

        await new SetSnapshotOperation(_registry, _context).ProcessAsync(
            new SetSnapshotRequest { Target = new SnapshotTarget { InputObject = snapshot }, Name = "renamed" }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("SetCloudSnapshotNotSupported", error.ErrorId);
        Assert.Contains("It supports: Create, Delete", error.Exception.Message);
    }

    [Fact]
    public async Task New_with_tags_is_refused_before_any_request()
    {
        var before = _emulator.Host.Requests.Snapshot().Count(r => r.Provider == "cloudmc");

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(
            new NewSnapshotRequest { VolumeId = _volume, Tags = new System.Collections.Hashtable { ["team"] = "ops" } }, CancellationToken.None);

        Assert.Equal("NewCloudSnapshotNotSupported", Assert.Single(_context.Errors).ErrorId);
        Assert.Equal(before, _emulator.Host.Requests.Snapshot().Count(r => r.Provider == "cloudmc"));
    }

    [Fact]
    public async Task A_failed_create_task_with_Wait_is_an_error_record_for_that_snapshot()
    {
        Fake.FailNextSnapshots(1);

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(
            new NewSnapshotRequest { VolumeId = _volume, Name = "will-fail", Wait = true }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.StartsWith("NewCloudSnapshot", error.ErrorId);
        Assert.Contains("FAILED", error.Exception.Message);
        Assert.Empty(_context.ObjectsOf<CloudSnapshot>());
    }
}
