using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Tests.Operations;

/// <summary>The Outscale cmdlets through the seam: the pipelines of the issue, per-item errors, -WhatIf.</summary>
public class OutscaleOperationTests : IClassFixture<EmulatorFixture>
{
    private const string Partner = "210987654321";
    private readonly EmulatorFixture _emulator;
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();

    public OutscaleOperationTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.AddOutscale(_registry);
    }

    private async Task<List<CloudSnapshot>> Snapshots(int count)
    {
        var name = "op-" + Guid.NewGuid().ToString("N")[..8];
        _emulator.Outscale.SeedSnapshots(count, null, "", new[] { new KeyValuePair<string, string>("Name", name) });
        var reader = new RecordingContext();
        await new GetSnapshotOperation(_registry, reader).ProcessAsync(new GetSnapshotRequest { Names = new[] { name } }, CancellationToken.None);
        return reader.ObjectsOf<CloudSnapshot>().ToList();
    }

    [Fact]
    public async Task GetCloudSnapshotPipedToCopyCopiesEach()
    {
        var sources = await Snapshots(2);
        foreach (var source in sources)
            await new CopySnapshotOperation(_registry, _context).ProcessAsync(new CopySnapshotRequestInput { Source = new SnapshotTarget { InputObject = source }, Name = "copy-of-" + source.Id }, CancellationToken.None);

        var copies = _context.ObjectsOf<CloudSnapshot>().ToList();
        Assert.Equal(sources.Select(s => "copy-of-" + s.Id), copies.Select(c => c.Name));
        Assert.All(copies, c => Assert.DoesNotContain(c.Id, sources.Select(s => s.Id)));
        Assert.Empty(_context.Errors);
    }

    [Fact]
    public async Task CopyToAConnectionInAnotherRegionNamesTheSourceRegion()
    {
        var source = (await Snapshots(1))[0];
        var usSettings = _emulator.OutscaleSettings();
        usSettings.Region = "us-east-2";
        _emulator.AddOutscale(_registry, "us", usSettings);

        await new CopySnapshotOperation(_registry, _context).ProcessAsync(new CopySnapshotRequestInput { Source = new SnapshotTarget { InputObject = source }, Destination = "us" }, CancellationToken.None);

        var copy = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal("us", copy.Connection);
        Assert.Equal("us-east-2", copy.Location);
        Assert.Contains("\"SourceRegionName\":\"eu-west-2\"", _emulator.Host.Requests.Snapshot().Last(r => r.Path.EndsWith("/CreateSnapshot")).Body);
    }

    [Fact]
    public async Task GetCloudSnapshotPipedToGrantSharesEachWithTheAccount()
    {
        var snapshots = await Snapshots(2);
        foreach (var snapshot in snapshots)
            await new ChangePermissionOperation(_registry, _context, grant: true).ProcessAsync(
                new ChangePermissionRequest { Target = new SnapshotTarget { InputObject = snapshot }, AccountIds = new[] { Partner }, PassThru = true }, CancellationToken.None);

        Assert.All(_context.ObjectsOf<CloudSnapshot>(), s => Assert.Contains(Partner, s.Permissions!.AccountIds));
        Assert.Superset(snapshots.Select(s => s.Id).ToHashSet(), _emulator.Outscale.SnapshotIdsSharedWith(Partner).ToHashSet());
    }

    [Fact]
    public async Task RevokeWithWhatIfChangesNothing()
    {
        var snapshot = (await Snapshots(1))[0];
        await new ChangePermissionOperation(_registry, _context, grant: true).ProcessAsync(
            new ChangePermissionRequest { Target = new SnapshotTarget { InputObject = snapshot }, AccountIds = new[] { Partner } }, CancellationToken.None);
        _context.IsWhatIf = true;
        var calls = _emulator.OutscaleCalls("UpdateSnapshot");

        await new ChangePermissionOperation(_registry, _context, grant: false).ProcessAsync(
            new ChangePermissionRequest { Target = new SnapshotTarget { InputObject = snapshot }, AccountIds = new[] { Partner } }, CancellationToken.None);

        Assert.Equal(calls, _emulator.OutscaleCalls("UpdateSnapshot"));
        Assert.Contains(snapshot.Id, _emulator.Outscale.SnapshotIdsSharedWith(Partner));
    }

    [Fact]
    public async Task GrantWithoutAccountOrPublicIsRefusedBeforeAnyRequest()
    {
        var snapshot = (await Snapshots(1))[0];
        await new ChangePermissionOperation(_registry, _context, grant: true).ProcessAsync(
            new ChangePermissionRequest { Target = new SnapshotTarget { InputObject = snapshot } }, CancellationToken.None);
        Assert.Equal("GrantCloudSnapshotPermissionInvalidArgument", Assert.Single(_context.Errors).ErrorId);
        Assert.Empty(_context.ShouldProcessCalls);
    }

    [Fact]
    public async Task GetCloudSnapshotPipedToExportWithWaitWritesCompletedTasks()
    {
        _emulator.Outscale.Timings.ExportDelay = TimeSpan.FromMilliseconds(300);
        try
        {
            var snapshots = await Snapshots(2);
            foreach (var snapshot in snapshots)
                await new ExportSnapshotOperation(_registry, _context).ProcessAsync(
                    new ExportSnapshotInput { Target = new SnapshotTarget { InputObject = snapshot }, Bucket = "backups", Prefix = "nightly/", Wait = true }, CancellationToken.None);

            var tasks = _context.ObjectsOf<SnapshotExportTask>().ToList();
            Assert.Equal(snapshots.Select(s => s.Id), tasks.Select(t => t.SnapshotId));
            Assert.All(tasks, t => Assert.Equal(ExportTaskState.Completed, t.State));
            Assert.Contains(_context.Progress, p => p.Activity.StartsWith("Exporting snapshot") && !p.Completed);
            Assert.Empty(_context.Errors);
        }
        finally
        {
            _emulator.Outscale.Timings.ExportDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task AnExportThatFailsWritesAnErrorAndStillTheTask()
    {
        var snapshot = (await Snapshots(1))[0];
        _emulator.Outscale.FailNextExportTasks(1);
        await new ExportSnapshotOperation(_registry, _context).ProcessAsync(
            new ExportSnapshotInput { Target = new SnapshotTarget { InputObject = snapshot }, Bucket = "backups", Wait = true }, CancellationToken.None);

        Assert.Equal("ExportCloudSnapshotWaitFailed", Assert.Single(_context.Errors).ErrorId);
        Assert.Equal(ExportTaskState.Failed, Assert.Single(_context.ObjectsOf<SnapshotExportTask>()).State);
    }

    [Fact]
    public async Task ExportTasksAreListedPerSnapshotAndStoppedOnThePipeline()
    {
        _emulator.Outscale.Timings.ExportDelay = TimeSpan.FromMinutes(5);
        try
        {
            var snapshot = (await Snapshots(1))[0];
            await new ExportSnapshotOperation(_registry, _context).ProcessAsync(
                new ExportSnapshotInput { Target = new SnapshotTarget { InputObject = snapshot }, Bucket = "backups" }, CancellationToken.None);
            var started = Assert.Single(_context.ObjectsOf<SnapshotExportTask>());

            var listing = new RecordingContext();
            await new GetExportTaskOperation(_registry, listing).ProcessAsync(null, Array.Empty<string>(), new[] { snapshot.Id }, CancellationToken.None);
            var listed = Assert.Single(listing.ObjectsOf<SnapshotExportTask>());
            Assert.Equal(started.Id, listed.Id);

            var stopping = new RecordingContext();
            await new StopExportTaskOperation(_registry, stopping).ProcessAsync(new ExportTaskTarget { InputObject = listed }, passThru: true, CancellationToken.None);
            Assert.Equal(ExportTaskState.Cancelled, Assert.Single(stopping.ObjectsOf<SnapshotExportTask>()).State);
        }
        finally
        {
            _emulator.Outscale.Timings.ExportDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task GetExportTaskByIdWritesAnErrorPerMissingTask()
    {
        await new GetExportTaskOperation(_registry, _context).ProcessAsync(null, new[] { "snap-export-00000000", "not-a-task" }, Array.Empty<string>(), CancellationToken.None);
        Assert.Equal(new[] { "GetCloudSnapshotExportTaskNotFound", "GetCloudSnapshotExportTaskInvalidArgument" }, _context.Errors.Select(e => e.ErrorId));
    }

    [Fact]
    public async Task WhatIfStillReportsBadInputWithoutAskingOrSending()
    {
        var snapshot = (await Snapshots(1))[0];
        _context.IsWhatIf = true;
        var before = _emulator.Host.Requests.Snapshot().Count(r => r.Provider == "outscale");

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { VolumeId = "vol-12345678", ImportUri = new Uri("https://oos.example/b/k"), SizeBytes = 1 }, CancellationToken.None);
        await new ChangePermissionOperation(_registry, _context, grant: true).ProcessAsync(new ChangePermissionRequest { Target = new SnapshotTarget { InputObject = snapshot }, AccountIds = new[] { "12-34" } }, CancellationToken.None);
        await new ExportSnapshotOperation(_registry, _context).ProcessAsync(new ExportSnapshotInput { Target = new SnapshotTarget { InputObject = snapshot }, Bucket = "x" }, CancellationToken.None);
        await new CopySnapshotOperation(_registry, _context).ProcessAsync(new CopySnapshotRequestInput { Source = new SnapshotTarget { InputObject = snapshot }, SourceRegion = "mars-1" }, CancellationToken.None);
        await new SetSnapshotOperation(_registry, _context).ProcessAsync(new SetSnapshotRequest { Target = new SnapshotTarget { InputObject = snapshot }, Description = "late" }, CancellationToken.None);

        Assert.Equal(new[] { "ImportUri", "AccountId", "Bucket", "SourceRegion", "Description" }, _context.Errors.Select(e => ((ArgumentException)e.Exception).ParamName));
        Assert.Empty(_context.ShouldProcessCalls);
        Assert.Equal(before, _emulator.Host.Requests.Snapshot().Count(r => r.Provider == "outscale"));
    }

    [Fact]
    public async Task NewImportsFromAUrlAndNeverShowsItsSignature()
    {
        var url = new Uri("https://oos.eu-west-2.outscale.com/backups/disk.qcow2?AWSAccessKeyId=AK&Expires=1893456000&Signature=s3cr3tsig");
        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { ImportUri = url, SizeBytes = 2L << 30, Name = "restored" }, CancellationToken.None);

        Assert.Equal("restored", Assert.Single(_context.ObjectsOf<CloudSnapshot>()).Name);
        Assert.DoesNotContain("s3cr3tsig", Assert.Single(_context.ShouldProcessCalls).Target);
        Assert.DoesNotContain("s3cr3tsig", _context.AllText());
    }

    [Fact]
    public async Task ScalewayHasNoSharingAndSaysSoBeforeAnyRequest()
    {
        _emulator.AddScaleway(_registry, "scw");
        var before = _emulator.ScalewayRequests();
        await new ChangePermissionOperation(_registry, _context, grant: true).ProcessAsync(new ChangePermissionRequest
        {
            Target = new SnapshotTarget { Id = Guid.NewGuid().ToString(), Connection = "scw" }, AccountIds = new[] { Partner },
        }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("GrantCloudSnapshotPermissionNotSupported", error.ErrorId);
        Assert.Equal(OperationErrorCategory.NotImplemented, error.Category);
        Assert.Contains("Scaleway does not support Permissions", error.Exception.Message);
        Assert.Equal(before, _emulator.ScalewayRequests());
    }

    [Fact]
    public void ConnectToOutscaleWithKeysAndRegion()
    {
        var context = new RecordingContext();
        var registry = new ConnectionRegistry();
        new ConnectProviderOperation(registry, context).Process(new ConnectProviderRequest
        {
            Provider = CloudProvider.Outscale, AccessKey = OutscaleFake.DefaultAccessKey, SecretKey = SecretValue.FromPlainText(OutscaleFake.DefaultSecretKey),
            Region = "us-west-1", Endpoint = _emulator.Host.OutscaleEndpoint, PassThru = true,
        });

        var connection = Assert.Single(context.ObjectsOf<SnapshotConnection>());
        Assert.Equal("outscale", connection.Name);
        Assert.Equal("us-west-1", connection.Location);
        Assert.DoesNotContain(OutscaleFake.DefaultSecretKey, context.AllText());
    }

    [Fact]
    public void ASecretKeyWithoutItsAccessKeyIsRefusedRatherThanPairedWithAnotherKey()
    {
        var context = new RecordingContext();
        new ConnectProviderOperation(new ConnectionRegistry(), context, outscaleProfiles: () => new OutscaleProfileLoader(
            n => n == "OSC_ACCESS_KEY" ? "AKFROMENVIRONMENT000" : null, Path.GetTempPath())).Process(new ConnectProviderRequest
        {
            Provider = CloudProvider.Outscale, SecretKey = SecretValue.FromPlainText("SK"), FromConfiguration = true,
        });
        Assert.Equal("AccessKey", ((ArgumentException)Assert.Single(context.Errors).Exception).ParamName);
    }

    [Fact]
    public async Task ASnapshotMadeButNotTaggedIsWrittenWithAPartiallyCompletedError()
    {
        var volume = _emulator.Outscale.AddVolume(1);
        _emulator.Host.Faults.Add(new FaultRule { Provider = "outscale", PathContains = "/CreateTags", Kind = FaultKind.Status, StatusCode = 400, Times = 1 });

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { VolumeId = volume, Name = "untagged" }, CancellationToken.None);

        var made = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.True(_emulator.Outscale.SnapshotExists(made.Id));
        var error = Assert.Single(_context.Errors);
        Assert.Equal("NewCloudSnapshotPartiallyCompleted", error.ErrorId);
        Assert.Same(made, error.Target);
        Assert.Contains("was created", error.Exception.Message);
    }

    [Fact]
    public void ConnectToOutscaleRefusesAZone()
    {
        var context = new RecordingContext();
        new ConnectProviderOperation(new ConnectionRegistry(), context).Process(new ConnectProviderRequest
        {
            Provider = CloudProvider.Outscale, AccessKey = "AK", SecretKey = SecretValue.FromPlainText("SK"), Zone = "eu-west-2a",
        });
        Assert.Equal("Zone", ((ArgumentException)Assert.Single(context.Errors).Exception).ParamName);
    }
}
