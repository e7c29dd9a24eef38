using System.Net;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Storage;
using SnapshotPS.Emulator.Tests.Support;
using SnapshotPS.Operations;

namespace SnapshotPS.Tests.Operations.Storage;

/// <summary>
/// An export into another account's bucket (Export-CloudSnapshot -BucketCredential) piped to Grant-CloudSnapshotPermission
/// and New-CloudSnapshot: connection "tenant" signs with keys the store refuses (another account), the bucket belongs to
/// the store's own keys (the owner), so only the owner's keys (-BucketCredential) read or sign for the object.
/// </summary>
public sealed class BucketOwnerKeysTests : IClassFixture<TwoStoresFixture>
{
    private const string TenantStorageKey = "TENANTACCESSKEY";
    private const string TenantStorageSecret = "tenant-storage-secret";

    private readonly TwoStoresFixture _clouds;
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();

    public BucketOwnerKeysTests(TwoStoresFixture clouds)
    {
        _clouds = clouds;
        TwoStoresFixture.Connect(_registry, "tenant", clouds.CloudA, clouds.StoreA, storageKeys: (TenantStorageKey, TenantStorageSecret));
    }

    private static SecretValue OwnerSecret => SecretValue.FromPlainText(S3rverFixture.SecretKey);

    private async Task<SnapshotExport> ExportToOwnersBucketAsync(string name)
    {
        var context = new RecordingContext();
        await new ExportSnapshotOperation(_registry, context).ProcessAsync(new ExportSnapshotInput
        {
            Target = new SnapshotTarget { Id = TwoStoresFixture.Seed(_clouds.CloudA, name, sizeGiB: 4), Connection = "tenant" },
            Bucket = S3rverFixture.Bucket,
            Prefix = name + "/",
            BucketAccessKey = S3rverFixture.AccessKey,
            BucketSecretKey = OwnerSecret,
            Wait = true,
        }, CancellationToken.None);
        Assert.Empty(context.Errors);
        return Assert.Single(context.ObjectsOf<SnapshotExport>());
    }

    [Fact]
    public async Task AnExportIntoAnotherAccountsBucketRecordsTheOwnersAccessKeyIdAndNoSecret()
    {
        var export = await ExportToOwnersBucketAsync("recorded");

        Assert.Equal(S3rverFixture.AccessKey, export.BucketOwnerAccessKey);
        Assert.DoesNotContain(typeof(SnapshotExport).GetProperties(),
            p => p.PropertyType == typeof(SecretValue) || p.Name.Contains("Secret", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithBucketCredentialTheUrlOfAPipedOtherAccountExportDownloadsWithPlainHttp()
    {
        var export = await ExportToOwnersBucketAsync("shared");

        await new ShareExportOperation(_registry, _context).ProcessAsync(new ShareExportRequest
        {
            Export = export, BucketAccessKey = S3rverFixture.AccessKey, BucketSecretKey = OwnerSecret,
        }, CancellationToken.None);
        await new ShareExportOperation(_registry, _context).ProcessAsync(new ShareExportRequest
        {
            Bucket = export.Bucket, Key = export.Key, Connection = "tenant", BucketAccessKey = S3rverFixture.AccessKey, BucketSecretKey = OwnerSecret,
        }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        using var http = new HttpClient();
        foreach (var url in _context.ObjectsOf<PresignedUrl>().Select(u => u.Url))
        {
            var bytes = await http.GetByteArrayAsync(url);
            Assert.Equal(export.SizeBytes, bytes.Length);
            Assert.Equal(new byte[] { (byte)'Q', (byte)'F', (byte)'I', 0xFB }, bytes[..4]);
            Assert.Contains("X-Amz-Credential=" + S3rverFixture.AccessKey, url.Query, StringComparison.Ordinal);
        }
        Assert.Equal(2, _context.ObjectsOf<PresignedUrl>().Count());
    }

    [Fact]
    public async Task TheConnectionsOwnKeysCannotReadTheOwnersBucket()
    {
        var export = await ExportToOwnersBucketAsync("own-keys");

        await new ShareExportOperation(_registry, _context).ProcessAsync(new ShareExportRequest
        {
            Bucket = export.Bucket, Key = export.Key, Connection = "tenant",
        }, CancellationToken.None);

        Assert.Single(_context.Errors);
        Assert.Empty(_context.ObjectsOf<PresignedUrl>());
    }

    [Theory]
    [InlineData(null, "give the bucket owner's keys with -BucketCredential")]
    [InlineData("SOMEOTHERKEY", "-BucketCredential gives access key SOMEOTHERKEY")]
    public async Task APipedOtherAccountExportWithoutItsOwnersKeysIsAnErrorNamingBucketCredentialBeforeAnyRequest(string? givenKey, string says)
    {
        var export = await ExportToOwnersBucketAsync("refused-" + (givenKey ?? "none").ToLowerInvariant());
        var calls = TwoStoresFixture.Calls(_clouds.CloudA);
        var other = new RecordingContext();

        await new ShareExportOperation(_registry, _context).ProcessAsync(new ShareExportRequest
        {
            Export = export, BucketAccessKey = givenKey, BucketSecretKey = givenKey is null ? null : SecretValue.FromPlainText("some-other-secret"),
        }, CancellationToken.None);
        await new NewSnapshotOperation(_registry, other).ProcessAsync(new NewSnapshotRequest
        {
            Export = export, BucketAccessKey = givenKey, BucketSecretKey = givenKey is null ? null : SecretValue.FromPlainText("some-other-secret"),
        }, CancellationToken.None);

        foreach (var (context, prefix) in new[] { (_context, "GrantCloudSnapshotPermission"), (other, "NewCloudSnapshot") })
        {
            var error = Assert.Single(context.Errors);
            Assert.Equal(prefix + "InvalidArgument", error.ErrorId);
            Assert.Contains("-BucketCredential", error.Exception.Message);
            Assert.Contains(says, error.Exception.Message);
            Assert.Empty(context.ShouldProcessCalls);
            Assert.Empty(context.Objects);
            Assert.DoesNotContain("some-other-secret", context.AllText());
        }
        Assert.Equal(calls, TwoStoresFixture.Calls(_clouds.CloudA));
    }

    [Fact]
    public async Task AnImportFromAPipedOtherAccountExportWorksWithBucketCredential()
    {
        var export = await ExportToOwnersBucketAsync("imported");

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest
        {
            Export = export, Name = "from-owners-bucket", Wait = true, BucketAccessKey = S3rverFixture.AccessKey, BucketSecretKey = OwnerSecret,
        }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        var imported = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal(SnapshotState.Available, imported.State);
        Assert.Equal(4L << 30, imported.SizeBytes);
        var create = _clouds.CloudA.Requests.Snapshot().Last(r => r.Path.EndsWith("/CreateSnapshot", StringComparison.Ordinal)).Body!;
        Assert.Contains("X-Amz-Credential=" + S3rverFixture.AccessKey, WebUtility.UrlDecode(create.Replace("\\u0026", "&")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderThatImportsFromItsOwnBucketsRefusesBucketCredentialBeforeAnyRequest()
    {
        TwoStoresFixture.ConnectScaleway(_registry, "scw", _clouds.CloudA, _clouds.StoreA);
        var calls = _clouds.CloudA.Requests.Snapshot().Count;

        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest
        {
            Bucket = S3rverFixture.Bucket, Key = "any.qcow2", Connection = "scw", BucketAccessKey = S3rverFixture.AccessKey, BucketSecretKey = OwnerSecret,
        }, CancellationToken.None);

        var error = Assert.Single(_context.Errors);
        Assert.Equal("NewCloudSnapshotInvalidArgument", error.ErrorId);
        Assert.Contains("-BucketCredential", error.Exception.Message);
        Assert.Empty(_context.ShouldProcessCalls);
        Assert.Equal(calls, _clouds.CloudA.Requests.Snapshot().Count);
    }
}
