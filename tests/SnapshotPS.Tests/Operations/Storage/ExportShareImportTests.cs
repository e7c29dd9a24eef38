using System.Net;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Storage;
using SnapshotPS.Emulator.Tests.Support;
using SnapshotPS.Operations;

namespace SnapshotPS.Tests.Operations.Storage;

/// <summary>Export-CloudSnapshot -Wait, Grant-CloudSnapshotPermission on an export and New-CloudSnapshot from it, against real s3rver stores.</summary>
public sealed class ExportShareImportTests : IClassFixture<TwoStoresFixture>
{
    private readonly TwoStoresFixture _clouds;
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();

    public ExportShareImportTests(TwoStoresFixture clouds)
    {
        _clouds = clouds;
        TwoStoresFixture.Connect(_registry, "a", clouds.CloudA, clouds.StoreA);
    }

    private async Task<SnapshotExport> ExportAsync(string snapshotId, string prefix)
    {
        var context = new RecordingContext();
        await new ExportSnapshotOperation(_registry, context).ProcessAsync(new ExportSnapshotInput
        {
            Target = new SnapshotTarget { Id = snapshotId, Connection = "a" },
            Bucket = S3rverFixture.Bucket,
            Prefix = prefix,
            Wait = true,
        }, CancellationToken.None);
        Assert.Empty(context.Errors);
        return Assert.Single(context.ObjectsOf<SnapshotExport>());
    }

    [Fact]
    public async Task ExportWithWaitEndsWithTheObjectInTheBucketAsHeadObjectDescribesIt()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "export-me", sizeGiB: 3);

        var export = await ExportAsync(id, "nightly/");

        using var s3 = _clouds.StoreA.NewClient();
        var head = await s3.GetObjectMetadataAsync(S3rverFixture.Bucket, export.Key);
        Assert.Equal($"nightly/{id}.qcow2", export.Key);
        Assert.Equal(S3rverFixture.Bucket, export.Bucket);
        Assert.Equal(head.ContentLength, export.SizeBytes);
        Assert.Equal(head.ETag.Trim('"'), export.ETag);
        Assert.Equal(id, export.SnapshotId);
        Assert.Equal("a", export.Connection);
        Assert.Equal(_clouds.StoreA.ServiceUrl, export.Endpoint);
        Assert.NotNull(export.LastModified);
    }

    [Theory]
    [InlineData(S3rverFixture.AccessKey, S3rverFixture.SecretKey, null)]
    [InlineData("OTHERACCOUNTKEY", "other-account-secret", "ExportCloudSnapshotAccessDenied")]
    public async Task WithTheBucketOwnersKeysTheObjectIsLookedForWithThoseKeys(string accessKey, string secretKey, string? errorId)
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "owner-keys");

        await new ExportSnapshotOperation(_registry, _context).ProcessAsync(new ExportSnapshotInput
        {
            Target = new SnapshotTarget { Id = id, Connection = "a" },
            Bucket = S3rverFixture.Bucket,
            BucketAccessKey = accessKey,
            BucketSecretKey = SecretValue.FromPlainText(secretKey),
            Wait = true,
        }, CancellationToken.None);

        Assert.Equal(errorId, _context.Errors.SingleOrDefault()?.ErrorId);
        Assert.Equal(errorId is null ? 1 : 0, _context.ObjectsOf<SnapshotExport>().Count());
    }

    [Fact]
    public async Task ExportWithoutWaitStillWritesTheTask()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "task-only");

        await new ExportSnapshotOperation(_registry, _context).ProcessAsync(new ExportSnapshotInput
        {
            Target = new SnapshotTarget { Id = id, Connection = "a" },
            Bucket = S3rverFixture.Bucket,
        }, CancellationToken.None);

        Assert.Equal(id, Assert.Single(_context.ObjectsOf<SnapshotExportTask>()).SnapshotId);
        Assert.Empty(_context.ObjectsOf<SnapshotExport>());
    }

    [Fact]
    public async Task AnExportIntoAMissingBucketIsAnErrorNamingTheBucket()
    {
        var id = TwoStoresFixture.Seed(_clouds.CloudA, "no-bucket");

        await new ExportSnapshotOperation(_registry, _context).ProcessAsync(new ExportSnapshotInput
        {
            Target = new SnapshotTarget { Id = id, Connection = "a" },
            Bucket = "no-such-bucket",
            Wait = true,
        }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Contains("no-such-bucket", error.Exception.Message);
        Assert.Empty(_context.ObjectsOf<SnapshotExport>());
    }

    [Fact]
    public async Task AnExportWhoseObjectNeverLandsIsAnErrorSayingSoOnceTheTimeoutPasses()
    {
        TwoStoresFixture.Connect(_registry, "nostore", _clouds.NoStoreCloud, _clouds.StoreA);
        var id = TwoStoresFixture.Seed(_clouds.NoStoreCloud, "never-lands");

        await new ExportSnapshotOperation(_registry, _context).ProcessAsync(new ExportSnapshotInput
        {
            Target = new SnapshotTarget { Id = id, Connection = "nostore" },
            Bucket = S3rverFixture.Bucket,
            Wait = true,
            Timeout = TimeSpan.FromSeconds(1),
        }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("ExportCloudSnapshotNoSuchKey", error.ErrorId);
        Assert.Contains($"{id}.qcow2", error.Exception.Message);
        Assert.Contains("completed", error.Exception.Message);
        Assert.Equal(ExportTaskState.Completed, Assert.Single(_context.ObjectsOf<SnapshotExportTask>()).State);
    }

    [Fact]
    public async Task APresignedUrlOfAnExportIsFetchedWithPlainHttpAndExpiresWhenItSays()
    {
        var export = await ExportAsync(TwoStoresFixture.Seed(_clouds.CloudA, "share-me"), "share/");
        var past = DateTimeOffset.UtcNow.AddHours(-2);

        await new ShareExportOperation(_registry, _context).ProcessAsync(new ShareExportRequest { Export = export, ExpiresIn = TimeSpan.FromMinutes(10) }, CancellationToken.None);
        await new ShareExportOperation(_registry, _context, () => past).ProcessAsync(new ShareExportRequest { Export = export, ExpiresIn = TimeSpan.FromHours(1) }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        var urls = _context.ObjectsOf<PresignedUrl>().ToList();
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(urls[0].Url);
        Assert.Equal(export.SizeBytes, bytes.Length);
        Assert.Equal(new byte[] { (byte)'Q', (byte)'F', (byte)'I', 0xFB }, bytes[..4]);
        Assert.InRange(urls[0].ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        using var expired = await http.GetAsync(urls[1].Url);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal(past.AddHours(1), urls[1].ExpiresAt);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(7 * 24 * 3600 + 1)]
    public async Task ALifetimeOutsideOneSecondToSevenDaysIsRefusedBeforeAnyRequest(double seconds)
    {
        var before = _clouds.StoreA.ServiceUrl;
        var calls = TwoStoresFixture.Calls(_clouds.CloudA);

        await new ShareExportOperation(_registry, _context).ProcessAsync(new ShareExportRequest
        {
            Bucket = S3rverFixture.Bucket, Key = "whatever.qcow2", Connection = "a", ExpiresIn = TimeSpan.FromSeconds(seconds),
        }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("GrantCloudSnapshotPermissionInvalidArgument", error.ErrorId);
        Assert.Contains("-ExpiresIn", error.Exception.Message);
        Assert.Empty(_context.ShouldProcessCalls);
        Assert.Equal(calls, TwoStoresFixture.Calls(_clouds.CloudA));
        Assert.NotNull(before);
    }

    [Fact]
    public async Task SharingAKeyThatIsNotInTheBucketIsAnErrorNamingIt()
    {
        await new ShareExportOperation(_registry, _context).ProcessAsync(new ShareExportRequest
        {
            Bucket = S3rverFixture.Bucket, Key = "missing/object.qcow2", Connection = "a",
        }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("GrantCloudSnapshotPermissionNoSuchKey", error.ErrorId);
        Assert.Contains("missing/object.qcow2", error.Exception.Message);
        Assert.Empty(_context.ObjectsOf<PresignedUrl>());
    }

    [Fact]
    public async Task AnExportImportsBackWithTheSizeOfTheQcow2HeaderThroughAPresignedUrl()
    {
        var export = await ExportAsync(TwoStoresFixture.Seed(_clouds.CloudA, "round-trip", sizeGiB: 7), "back/");

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { Export = export, Connection = "a", Name = "imported", Wait = true }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        var imported = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal(SnapshotState.Available, imported.State);
        Assert.Equal(7L << 30, imported.SizeBytes);
        Assert.Equal("imported", imported.Name);
        var create = _clouds.CloudA.Requests.Snapshot().Last(r => r.Path.EndsWith("/CreateSnapshot", StringComparison.Ordinal)).Body;
        Assert.Contains("X-Amz-Signature", create);
        Assert.Contains(export.Key.Replace("/", "%2F"), create!.Replace("/", "%2F"));
    }

    [Fact]
    public async Task ABucketAndKeyWithAGivenSizeImportsThatSize()
    {
        var export = await ExportAsync(TwoStoresFixture.Seed(_clouds.CloudA, "sized"), "sized/");

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest
        {
            Bucket = export.Bucket, Key = export.Key, SizeBytes = 5L << 30, Connection = "a", Wait = true,
        }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        Assert.Equal(5L << 30, Assert.Single(_context.ObjectsOf<CloudSnapshot>()).SizeBytes);
    }

    [Fact]
    public async Task AnImportOfAKeyNotInTheBucketIsAnErrorAndCreatesNothing()
    {
        var creates = _clouds.CloudA.Requests.Snapshot().Count(r => r.Path.EndsWith("/CreateSnapshot", StringComparison.Ordinal));

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest { Bucket = S3rverFixture.Bucket, Key = "gone.qcow2", Connection = "a" }, CancellationToken.None);

        Assert.Equal("NewCloudSnapshotNoSuchKey", Assert.Single(_context.Errors).ErrorId);
        Assert.Equal(creates, _clouds.CloudA.Requests.Snapshot().Count(r => r.Path.EndsWith("/CreateSnapshot", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnImportFromAnExpiredUrlEndsInAnErrorNamingTheSnapshot()
    {
        var export = await ExportAsync(TwoStoresFixture.Seed(_clouds.CloudA, "expired"), "expired/");
        using var storage = new ObjectStorageClient(new ObjectStorageSettings
        {
            Endpoint = _clouds.StoreA.ServiceUrl, AccessKey = S3rverFixture.AccessKey, SecretKey = SecretValue.FromPlainText(S3rverFixture.SecretKey),
        });
        var expired = storage.PresignGet(export.Bucket, export.Key, TimeSpan.FromMinutes(1), DateTime.UtcNow.AddHours(-1));

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest
        {
            ImportUri = expired, SizeBytes = 1L << 30, Connection = "a", Wait = true, Timeout = TimeSpan.FromSeconds(10),
        }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("NewCloudSnapshotWaitFailed", error.ErrorId);
        var imported = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Contains(imported.Id, error.Exception.Message);
        Assert.Contains("Error", error.Exception.Message);
    }
}
