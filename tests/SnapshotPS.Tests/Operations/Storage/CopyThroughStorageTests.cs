using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Emulator;
using SnapshotPS.Emulator.Tests.Support;
using SnapshotPS.Operations;

namespace SnapshotPS.Tests.Operations.Storage;

/// <summary>
/// Copy-CloudSnapshot -Bucket between two OUTSCALE accounts with two stores (s3rver each): export, check,
/// stream to the other store, import, wait; and a failure at each step, named with what it leaves behind.
/// </summary>
public sealed class CopyThroughStorageTests : IClassFixture<TwoStoresFixture>
{
    private readonly TwoStoresFixture _clouds;
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();

    public CopyThroughStorageTests(TwoStoresFixture clouds)
    {
        _clouds = clouds;
        TwoStoresFixture.Connect(_registry, "a", clouds.CloudA, clouds.StoreA);
        TwoStoresFixture.Connect(_registry, "b", clouds.CloudB, clouds.StoreB, "us-east-2");
    }

    private Task CopyAsync(string id, string? destinationBucket = S3rverFixture.Bucket, string bucket = S3rverFixture.Bucket, bool remove = false,
        string source = "a", string? name = null) =>
        new CopySnapshotOperation(_registry, _context).ProcessAsync(new CopySnapshotRequestInput
        {
            Source = new SnapshotTarget { Id = id, Connection = source },
            Destination = "b",
            Bucket = bucket,
            DestinationBucket = destinationBucket,
            RemoveIntermediate = remove,
            Name = name,
            Timeout = TimeSpan.FromSeconds(20),
        }, CancellationToken.None);

    private async Task<bool> InStoreAsync(S3rverFixture store, string key)
    {
        using var s3 = store.NewClient();
        var listed = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = S3rverFixture.Bucket });
        return (listed.S3Objects ?? []).Any(o => o.Key == key);
    }

    [Fact]
    public async Task ACopyAcrossStoresKeepsTheNameAndSizeAndMovesTheObject()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "db-nightly", sizeGiB: 12);

        await CopyAsync(id);

        Assert.Empty(_context.Errors);
        var copy = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal("b", copy.Connection);
        Assert.Equal("db-nightly", copy.Name);
        Assert.Equal(12L << 30, copy.SizeBytes);
        Assert.Equal(SnapshotState.Available, copy.State);
        Assert.True(await InStoreAsync(_clouds.StoreB, $"{id}.qcow2"));
        Assert.True(await InStoreAsync(_clouds.StoreA, $"{id}.qcow2"));
        Assert.Contains(_context.Verbose, v => v.Contains("Kept (remove with -RemoveIntermediate)") && v.Contains($"{id}.qcow2"));
    }

    [Fact]
    public async Task OneProgressBarGoesThroughTheFiveStepsUpToDone()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "progress");

        await CopyAsync(id);

        var bar = _context.Progress.Where(p => p.Activity.Contains(id)).ToList();
        Assert.Single(bar.Select(p => p.ActivityId).Distinct());
        var percents = bar.Where(p => !p.Completed).Select(p => p.PercentComplete).ToList();
        Assert.Equal(percents.OrderBy(p => p), percents);
        foreach (var step in Enumerable.Range(1, 5)) Assert.Contains(bar, p => p.Status.StartsWith($"Step {step} of 5", StringComparison.Ordinal));
        Assert.True(bar[^1].Completed);
    }

    [Fact]
    public async Task RemoveIntermediateRemovesBothObjectsOnceTheCopyIsAvailableAndSaysSo()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "tidy");

        await CopyAsync(id, remove: true, name: "renamed");

        Assert.Empty(_context.Errors);
        Assert.Equal("renamed", Assert.Single(_context.ObjectsOf<CloudSnapshot>()).Name);
        Assert.False(await InStoreAsync(_clouds.StoreA, $"{id}.qcow2"));
        Assert.False(await InStoreAsync(_clouds.StoreB, $"{id}.qcow2"));
        Assert.Equal(2, _context.Verbose.Count(v => v.StartsWith("Removed the ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnotherStoreWithoutADestinationBucketIsRefusedBeforeAnyRequest()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "no-destination-bucket");
        var calls = TwoStoresFixture.Calls(_clouds.CloudA) + TwoStoresFixture.Calls(_clouds.CloudB);

        await CopyAsync(id, destinationBucket: null);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("CopyCloudSnapshotInvalidArgument", error.ErrorId);
        Assert.Contains("-DestinationBucket", error.Exception.Message);
        Assert.Empty(_context.ShouldProcessCalls);
        Assert.Equal(calls, TwoStoresFixture.Calls(_clouds.CloudA) + TwoStoresFixture.Calls(_clouds.CloudB));
    }

    [Fact]
    public async Task AMissingSourceBucketFailsStepOne()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "step-one");

        await CopyAsync(id, bucket: "no-such-bucket");

        var error = Assert.Single(_context.Errors);
        Assert.StartsWith("Step 1 of 5, exporting snapshot " + id, error.Exception.Message);
        Assert.Contains("no-such-bucket", error.Exception.Message);
        Assert.Empty(_context.ObjectsOf<CloudSnapshot>());
    }

    [Fact]
    public async Task AnExportThatNeverLandsFailsStepTwo()
    {
        TwoStoresFixture.Connect(_registry, "nostore", _clouds.NoStoreCloud, _clouds.StoreA);
        var id = TwoStoresFixture.Seed(_clouds.NoStoreCloud, "step-two");
        _context.Progress.Clear();

        await new CopySnapshotOperation(_registry, _context).ProcessAsync(new CopySnapshotRequestInput
        {
            Source = new SnapshotTarget { Id = id, Connection = "nostore" }, Destination = "b", Bucket = S3rverFixture.Bucket,
            DestinationBucket = S3rverFixture.Bucket, Timeout = TimeSpan.FromSeconds(1),
        }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("CopyCloudSnapshotNoSuchKey", error.ErrorId);
        Assert.StartsWith("Step 2 of 5, checking that the export landed", error.Exception.Message);
    }

    [Fact]
    public async Task AMissingDestinationBucketFailsStepThreeAndNamesTheExportedObjectLeftBehind()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "step-three");

        await CopyAsync(id, destinationBucket: "missing-there");

        var error = Assert.Single(_context.Errors);
        Assert.Equal("CopyCloudSnapshotNoSuchBucket", error.ErrorId);
        Assert.StartsWith("Step 3 of 5, copying", error.Exception.Message);
        Assert.Contains("missing-there", error.Exception.Message);
        Assert.Contains($"Left behind: exported object {S3rverFixture.Bucket}/{id}.qcow2 at {_clouds.StoreA.ServiceUrl}", error.Exception.Message);
    }

    [Fact]
    public async Task AnImportTheDestinationRefusesFailsStepFourAndNamesBothObjects()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "step-four");
        _clouds.CloudB.Faults.Add(new FaultRule { Provider = "outscale", Method = "POST", PathContains = "/CreateSnapshot", Kind = FaultKind.Status, StatusCode = 400, Times = 1 });

        await CopyAsync(id);

        var error = Assert.Single(_context.Errors);
        Assert.StartsWith("Step 4 of 5, importing", error.Exception.Message);
        Assert.Contains("exported object", error.Exception.Message);
        Assert.Contains($"copied object {S3rverFixture.Bucket}/{id}.qcow2 at {_clouds.StoreB.ServiceUrl}", error.Exception.Message);
        Assert.Empty(_context.ObjectsOf<CloudSnapshot>());
    }

    [Fact]
    public async Task AnImportEndingInErrorFailsStepFiveAndNamesTheSnapshotLeftBehind()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "step-five");
        _clouds.CloudB.Outscale.FailNextSnapshots(1);

        await CopyAsync(id);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("CopyCloudSnapshotWaitFailed", error.ErrorId);
        Assert.StartsWith("Step 5 of 5, waiting for snapshot snap-", error.Exception.Message);
        Assert.Matches(@"Left behind: exported object .*; copied object .*; imported snapshot snap-[0-9a-f]{8} on b\.$", error.Exception.Message);
        Assert.Empty(_context.ObjectsOf<CloudSnapshot>());
    }

    [Fact]
    public async Task ServiceUnavailableAnswersWhileFollowingTheExportAreRetriedAndTheCopyCompletes()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "flaky-source");
        var rule = _clouds.CloudA.Faults.Add(new FaultRule { Provider = "outscale", Method = "POST", PathContains = "/ReadSnapshotExportTasks", Kind = FaultKind.Status, StatusCode = 503, Times = 2 });

        await CopyAsync(id);

        Assert.Equal(2, _clouds.CloudA.Faults.Hits.Count(h => h.RuleId == rule.Id));
        Assert.Empty(_context.Errors);
        Assert.Equal("flaky-source", Assert.Single(_context.ObjectsOf<CloudSnapshot>()).Name);
    }

    [Fact]
    public async Task AFailedItemDoesNotStopTheNextOne()
    {
        var good = TwoStoresFixture.Seed(_clouds.CloudA, "second-goes-on");

        await CopyAsync("snap-00000000", name: "missing");
        await CopyAsync(good);

        Assert.Single(_context.Errors);
        Assert.Equal("second-goes-on", Assert.Single(_context.ObjectsOf<CloudSnapshot>()).Name);
    }

    [Fact]
    public async Task ShouldProcessIsAskedOnceWithTheUsualTargetAndWhatIfSendsNothing()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "what-if");
        var snapshot = await _registry.Resolve("a").GetClient().GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);
        _context.ShouldProcessAnswer = false;
        var calls = TwoStoresFixture.Calls(_clouds.CloudA) + TwoStoresFixture.Calls(_clouds.CloudB);

        await new CopySnapshotOperation(_registry, _context).ProcessAsync(new CopySnapshotRequestInput
        {
            Source = new SnapshotTarget { InputObject = snapshot }, Destination = "b", Bucket = S3rverFixture.Bucket, DestinationBucket = S3rverFixture.Bucket,
        }, CancellationToken.None);

        var (target, action) = Assert.Single(_context.ShouldProcessCalls);
        Assert.Equal($"what-if ({id}) on a", target);
        Assert.Contains("through bucket", action);
        Assert.Equal(calls, TwoStoresFixture.Calls(_clouds.CloudA) + TwoStoresFixture.Calls(_clouds.CloudB));
    }
}
