using System.Collections;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Tests.Operations;

/// <summary>Get/New/Set/Remove/Wait-CloudSnapshot behaviour through the seam, against the fake.</summary>
public class SnapshotOperationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;
    private readonly ConnectionRegistry _registry;
    private readonly RecordingContext _context = new();

    public SnapshotOperationTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _registry = emulator.RegistryWithScaleway();
    }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<List<CloudSnapshot>> Get(GetSnapshotRequest request)
    {
        await new GetSnapshotOperation(_registry, _context).ProcessAsync(request, CancellationToken.None);
        return _context.ObjectsOf<CloudSnapshot>().ToList();
    }

    [Fact]
    public async Task GetByNameWithWildcardsWritesEveryMatch()
    {
        var prefix = Unique("nightly");
        var ids = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 4, prefix + "-");
        _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 2, Unique("weekly"));

        var written = await Get(new GetSnapshotRequest { Names = new[] { prefix + "-*" } });

        Assert.Equal(ids, written.Select(s => s.Id));
        Assert.Empty(_context.Errors);
    }

    [Fact]
    public async Task FirstAndSkipPageThroughTheResults()
    {
        var prefix = Unique("page");
        var ids = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 10, prefix + "-");

        var written = await Get(new GetSnapshotRequest { Names = new[] { prefix + "*" }, Skip = 3, First = 4, PageSize = 2 });

        Assert.Equal(ids.Skip(3).Take(4), written.Select(s => s.Id));
    }

    [Fact]
    public async Task GetByIdWritesFoundOnesAndOneErrorPerMissingId()
    {
        var found = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 2, Unique("byid"));
        var missing = Guid.NewGuid().ToString();

        var written = await Get(new GetSnapshotRequest { Ids = new[] { found[0], missing, found[1], "not-a-uuid" } });

        Assert.Equal(found, written.Select(s => s.Id));
        Assert.Collection(_context.Errors,
            e => { Assert.Equal("GetCloudSnapshotNotFound", e.ErrorId); Assert.Equal(OperationErrorCategory.ObjectNotFound, e.Category); Assert.Equal(missing, e.Target); },
            e => { Assert.Equal("GetCloudSnapshotInvalidArgument", e.ErrorId); Assert.Equal("not-a-uuid", e.Target); });
    }

    [Fact]
    public async Task AnExactNameThatMatchesNothingIsAnError()
    {
        await Get(new GetSnapshotRequest { Names = new[] { Unique("absent"), Unique("none") + "*" } });
        var error = Assert.Single(_context.Errors);
        Assert.Equal("GetCloudSnapshotNotFound", error.ErrorId);
    }

    [Fact]
    public async Task AllConnectionsGoesOnPastAConnectionThatFails()
    {
        var name = Unique("multi");
        _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, name);
        _emulator.Scaleway.SeedInstanceSnapshots("nl-ams-1", 1, name);
        _emulator.AddScaleway(_registry, "amsterdam", "nl-ams-1");
        _emulator.AddScaleway(_registry, "broken", "fr-par-1", secretKey: "99999999-9999-4999-8999-999999999999");

        var written = await Get(new GetSnapshotRequest { AllConnections = true, Names = new[] { name + "*" } });

        Assert.Equal(new[] { "amsterdam", "scaleway" }, written.Select(s => s.Connection).OrderBy(c => c));
        var error = Assert.Single(_context.Errors);
        Assert.Equal("GetCloudSnapshotUnauthenticated", error.ErrorId);
        Assert.Equal(OperationErrorCategory.AuthenticationError, error.Category);
        Assert.Equal("broken", error.Target);
    }

    [Fact]
    public async Task BadInputIsAnErrorRecordBeforeAnyRequest()
    {
        var before = _emulator.ScalewayRequests();
        await Get(new GetSnapshotRequest { PageSize = 500 });
        await Get(new GetSnapshotRequest { Location = "xx-nowhere-1" });
        await Get(new GetSnapshotRequest { Tags = new Hashtable { [""] = "x" } });

        Assert.Equal(before, _emulator.ScalewayRequests());
        Assert.All(_context.Errors, e => Assert.Equal(OperationErrorCategory.InvalidArgument, e.Category));
        Assert.Equal(new[] { "PageSize", "Location", "Tag" }, _context.Errors.Select(e => ((ArgumentException)e.Exception).ParamName));
    }

    [Fact]
    public async Task NewCreatesAndWritesTheSnapshot()
    {
        var volume = _emulator.Scaleway.AddInstanceVolume("fr-par-1", "app", 5_000_000_000);

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(
            new NewSnapshotRequest { VolumeId = volume, Name = "before-upgrade", Tags = new Hashtable { ["env"] = "prod" } }, CancellationToken.None);

        var created = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal("before-upgrade", created.Name);
        Assert.Equal("prod", created.Tags["env"]);
        Assert.Equal(("volume " + volume + " on scaleway", "Create snapshot 'before-upgrade'"), Assert.Single(_context.ShouldProcessCalls));
    }

    [Fact]
    public async Task NewWithWhatIfSendsNothing()
    {
        var volume = _emulator.Scaleway.AddInstanceVolume("fr-par-1", "app", 5_000_000_000);
        _context.IsWhatIf = true;
        var before = _emulator.ScalewayRequests();

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { VolumeId = volume }, CancellationToken.None);

        Assert.Equal(before, _emulator.ScalewayRequests());
        Assert.Empty(_context.Objects);
    }

    [Fact]
    public async Task NewWithWaitReportsProgressAndWritesTheAvailableSnapshot()
    {
        _emulator.Scaleway.Timings.SnapshotDelay = TimeSpan.FromMilliseconds(300);
        try
        {
            var volume = _emulator.Scaleway.AddInstanceVolume("fr-par-1", "app", 5_000_000_000);
            await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { VolumeId = volume, Wait = true }, CancellationToken.None);

            var ready = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
            Assert.Equal(SnapshotState.Available, ready.State);
            Assert.Contains(_context.Progress, p => !p.Completed && p.Status.StartsWith("Pending (snapshotting)"));
            Assert.True(_context.Progress.Last().Completed);
        }
        finally
        {
            _emulator.Scaleway.Timings.SnapshotDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task NewWithWaitOnASnapshotThatFailsWritesAnErrorAndStillHandsOnTheSnapshot()
    {
        _emulator.Scaleway.Timings.SnapshotDelay = TimeSpan.FromMilliseconds(100);
        try
        {
            var volume = _emulator.Scaleway.AddInstanceVolume("fr-par-1", "app", 5_000_000_000);
            _emulator.Scaleway.FailNextSnapshots(1);
            await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { VolumeId = volume, Wait = true }, CancellationToken.None);

            var error = Assert.Single(_context.Errors);
            Assert.Equal("NewCloudSnapshotWaitFailed", error.ErrorId);
            Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        }
        finally
        {
            _emulator.Scaleway.Timings.SnapshotDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task SetAddsAndRemovesTagsOnTopOfTheCurrentOnes()
    {
        var id = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, Unique("tags"), tags: new[] { "env=dev", "temp", "team=db" })[0];

        await new SetSnapshotOperation(_registry, _context).ProcessAsync(new SetSnapshotRequest
        {
            Target = new SnapshotTarget { Id = id },
            AddTags = new Hashtable { ["env"] = "prod", ["keep"] = "yes" },
            RemoveTags = new[] { "temp" },
            PassThru = true,
        }, CancellationToken.None);

        var updated = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["team"] = "db", ["keep"] = "yes" }, updated.Tags);
    }

    [Fact]
    public async Task SetRefusesTagAndAddTagTogetherBeforeAnyRequest()
    {
        var before = _emulator.ScalewayRequests();
        await new SetSnapshotOperation(_registry, _context).ProcessAsync(new SetSnapshotRequest
        {
            Target = new SnapshotTarget { Id = Guid.NewGuid().ToString() },
            Tags = new Hashtable { ["a"] = "1" },
            AddTags = new Hashtable { ["b"] = "2" },
        }, CancellationToken.None);

        Assert.Equal("SetCloudSnapshotInvalidArgument", Assert.Single(_context.Errors).ErrorId);
        Assert.Equal(before, _emulator.ScalewayRequests());
    }

    [Fact]
    public async Task SetWithoutPassThruWritesNothing()
    {
        var id = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, Unique("quiet"))[0];
        await new SetSnapshotOperation(_registry, _context).ProcessAsync(new SetSnapshotRequest { Target = new SnapshotTarget { Id = id }, Name = "renamed" }, CancellationToken.None);
        Assert.Empty(_context.Objects);
        Assert.Empty(_context.Errors);
    }

    [Fact]
    public async Task RemoveWithWhatIfSendsNoRequestEvenWithForce()
    {
        var snapshots = await Get(new GetSnapshotRequest { Ids = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 2, Unique("whatif")) });
        _context.IsWhatIf = true;
        var before = _emulator.ScalewayRequests();

        foreach (var snapshot in snapshots)
            await new RemoveSnapshotOperation(_registry, _context).ProcessAsync(new RemoveSnapshotRequest { Target = new SnapshotTarget { InputObject = snapshot }, Force = true }, CancellationToken.None);

        Assert.Equal(before, _emulator.ScalewayRequests());
        Assert.Equal(2, _context.ShouldProcessCalls.Count);
    }

    [Fact]
    public async Task RemoveAsksForConfirmationAndANoKeepsTheSnapshot()
    {
        var id = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, Unique("ask"))[0];
        _context.ShouldProcessAnswer = false;

        await new RemoveSnapshotOperation(_registry, _context).ProcessAsync(new RemoveSnapshotRequest { Target = new SnapshotTarget { Id = id } }, CancellationToken.None);

        Assert.Contains(id, Assert.Single(_context.ShouldProcessCalls).Target);
        Assert.Equal(0, _emulator.ScalewayRequests("DELETE", id));
    }

    [Fact]
    public async Task RemoveWithForceSkipsTheQuestion()
    {
        var id = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, Unique("force"))[0];
        _context.ShouldProcessAnswer = false;

        await new RemoveSnapshotOperation(_registry, _context).ProcessAsync(new RemoveSnapshotRequest { Target = new SnapshotTarget { Id = id }, Force = true, Wait = true }, CancellationToken.None);

        Assert.Empty(_context.ShouldProcessCalls);
        Assert.Empty(_context.Errors);
        Assert.Equal(1, _emulator.ScalewayRequests("DELETE", id));
    }

    [Fact]
    public async Task OneFailedRemovalDoesNotStopTheOthers()
    {
        var ids = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 2, Unique("batch"));
        var missing = Guid.NewGuid().ToString();
        var operation = new RemoveSnapshotOperation(_registry, _context);

        foreach (var id in new[] { ids[0], missing, ids[1] })
            await operation.ProcessAsync(new RemoveSnapshotRequest { Target = new SnapshotTarget { Id = id }, Force = true }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("RemoveCloudSnapshotNotFound", error.ErrorId);
        Assert.Equal(missing, error.Target);
        Assert.Equal(1, _emulator.ScalewayRequests("DELETE", ids[1]));
    }

    [Fact]
    public async Task RemoveOfABusySnapshotIsAResourceBusyError()
    {
        _emulator.Scaleway.Timings.SnapshotDelay = TimeSpan.FromMinutes(5);
        try
        {
            var volume = _emulator.Scaleway.AddInstanceVolume("fr-par-1", "busy", 5_000_000_000);
            await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { VolumeId = volume }, CancellationToken.None);
            var pending = Assert.Single(_context.ObjectsOf<CloudSnapshot>());

            await new RemoveSnapshotOperation(_registry, _context).ProcessAsync(new RemoveSnapshotRequest { Target = new SnapshotTarget { InputObject = pending }, Force = true }, CancellationToken.None);

            var error = Assert.Single(_context.Errors);
            Assert.Equal("RemoveCloudSnapshotConflict", error.ErrorId);
            Assert.Equal(OperationErrorCategory.ResourceBusy, error.Category);
            Assert.Same(pending, error.Target);
        }
        finally
        {
            _emulator.Scaleway.Timings.SnapshotDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task RemoveByIdNamingAnUnknownConnectionIsAnError()
    {
        await new RemoveSnapshotOperation(_registry, _context).ProcessAsync(
            new RemoveSnapshotRequest { Target = new SnapshotTarget { Id = Guid.NewGuid().ToString(), Connection = "nope" }, Force = true }, CancellationToken.None);
        Assert.Equal("RemoveCloudSnapshotConnectionNotFound", Assert.Single(_context.Errors).ErrorId);
    }

    [Fact]
    public async Task WaitTimesOutWithAnErrorNamingTheState()
    {
        _emulator.Scaleway.Timings.SnapshotDelay = TimeSpan.FromMinutes(5);
        try
        {
            var volume = _emulator.Scaleway.AddInstanceVolume("fr-par-1", "slow", 5_000_000_000);
            await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { VolumeId = volume }, CancellationToken.None);
            var pending = Assert.Single(_context.ObjectsOf<CloudSnapshot>());

            await new WaitSnapshotOperation(_registry, _context).ProcessAsync(new WaitSnapshotRequest
            {
                Target = new SnapshotTarget { InputObject = pending }, Timeout = TimeSpan.FromMilliseconds(200), PollInterval = TimeSpan.FromMilliseconds(20),
            }, CancellationToken.None);

            var error = Assert.Single(_context.Errors);
            Assert.Equal("WaitCloudSnapshotWaitTimeout", error.ErrorId);
            Assert.Equal(OperationErrorCategory.OperationTimeout, error.Category);
            Assert.Contains("snapshotting", error.Exception.Message);
            Assert.True(_context.Progress.Last().Completed);
        }
        finally
        {
            _emulator.Scaleway.Timings.SnapshotDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task WaitWritesTheSnapshotOnceItReachesTheState()
    {
        var id = _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, Unique("ready"))[0];
        await new WaitSnapshotOperation(_registry, _context).ProcessAsync(new WaitSnapshotRequest { Target = new SnapshotTarget { Id = id } }, CancellationToken.None);
        Assert.Equal(id, Assert.Single(_context.ObjectsOf<CloudSnapshot>()).Id);
    }

    [Fact]
    public async Task WhenThePipelineTakesNoMoreOutputTheListingEndsWithoutAnErrorOrMoreRequests()
    {
        var prefix = Unique("enough");
        _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 30, prefix + "-");
        using var stopping = new CancellationTokenSource();
        _context.StopTakingObjects = (2, stopping);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new GetSnapshotOperation(_registry, _context).ProcessAsync(new GetSnapshotRequest { Names = new[] { prefix + "*" }, PageSize = 5 }, stopping.Token));

        Assert.Equal(2, _context.Objects.Count);
        Assert.Empty(_context.Errors);
    }

    [Fact]
    public async Task CancellationStopsTheOperationInsteadOfBecomingAnErrorRecord()
    {
        _emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, Unique("cancel"));
        _emulator.Host.Faults.Add(new FaultRule { Provider = "scaleway", Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(10), Times = 1 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new GetSnapshotOperation(_registry, _context).ProcessAsync(new GetSnapshotRequest(), cancel.Token));

        Assert.Empty(_context.Errors);
        _emulator.Host.Faults.Clear();
    }
}
