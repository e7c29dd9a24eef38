using System.Net;
using System.Security.Cryptography;
using Amazon.S3.Model;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Storage;
using SnapshotPS.Emulator.Tests.Support;

namespace SnapshotPS.Tests.Storage;

/// <summary>The engine's object storage against two real S3-compatible servers (s3rver).</summary>
public sealed class ObjectStorageClientTests : IAsyncLifetime
{
    private readonly S3rverFixture _source = new();
    private readonly S3rverFixture _target = new();

    public async Task InitializeAsync() => await Task.WhenAll(_source.InitializeAsync(), _target.InitializeAsync());

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _target.DisposeAsync();
    }

    private static ObjectStorageClient ClientOf(S3rverFixture server) => new(new ObjectStorageSettings
    {
        Endpoint = server.ServiceUrl,
        AccessKey = S3rverFixture.AccessKey,
        SecretKey = SecretValue.FromPlainText(S3rverFixture.SecretKey),
    });

    private static async Task<byte[]> PutAsync(S3rverFixture server, string key, int size)
    {
        var content = RandomNumberGenerator.GetBytes(size);
        using var s3 = server.NewClient();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false });
        return content;
    }

    [Fact]
    public async Task HeadGivesTheSizeAndETagOfAnObjectThatLanded()
    {
        var content = await PutAsync(_source, "exports/db.qcow2", 4096);
        using var client = ClientOf(_source);

        var head = await client.HeadAsync(S3rverFixture.Bucket, "exports/db.qcow2", CancellationToken.None);

        Assert.NotNull(head);
        Assert.Equal(4096, head!.SizeBytes);
        Assert.Equal(Convert.ToHexString(MD5.HashData(content)).ToLowerInvariant(), head.ETag);
        Assert.Equal("exports/db.qcow2", head.Key);
        Assert.NotNull(head.LastModified);
    }

    [Fact]
    public async Task HeadOfAKeyNotThereIsNullButAMissingBucketIsAnErrorNamingIt()
    {
        using var client = ClientOf(_source);

        Assert.Null(await client.HeadAsync(S3rverFixture.Bucket, "no/such.qcow2", CancellationToken.None));
        var failure = await Assert.ThrowsAsync<ObjectStorageException>(() => client.HeadAsync("no-such-bucket", "a.qcow2", CancellationToken.None));
        Assert.Equal(ObjectStorageErrorKind.NoSuchBucket, failure.Kind);
        Assert.Contains("'no-such-bucket'", failure.Message);
    }

    [Fact]
    public async Task APresignedUrlIsReadWithPlainHttpUntilItExpires()
    {
        var content = await PutAsync(_source, "share/db.qcow2", 1000);
        using var client = ClientOf(_source);
        using var http = new HttpClient();

        var live = client.PresignGet(S3rverFixture.Bucket, "share/db.qcow2", TimeSpan.FromHours(1));
        var expired = client.PresignGet(S3rverFixture.Bucket, "share/db.qcow2", TimeSpan.FromMinutes(1), DateTime.UtcNow.AddHours(-1));

        Assert.Equal("http", live.Scheme);
        Assert.Equal(content, await http.GetByteArrayAsync(live));
        using var refused = await http.GetAsync(expired);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(S3rverFixture.SecretKey + "&", live.Query);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(8 * 24 * 3600)]
    public void ALifetimeOutsideOneSecondToSevenDaysIsRefusedNamingExpiresIn(int seconds)
    {
        using var client = ClientOf(_source);
        var failure = Assert.Throws<ArgumentException>(() => client.PresignGet(S3rverFixture.Bucket, "k", TimeSpan.FromSeconds(seconds)));
        Assert.Equal("ExpiresIn", failure.ParamName);
    }

    [Theory]
    [InlineData(3 * 1024 * 1024)]
    [InlineData(2 * ObjectStorageClient.CopyPartSize + 12345)]
    public async Task AnObjectIsStreamedToAnotherStoreWholeWithProgress(int size)
    {
        var content = await PutAsync(_source, "big/disk.qcow2", size);
        using var source = ClientOf(_source);
        using var target = ClientOf(_target);
        var reports = new List<long>();

        var copy = await source.CopyToAsync(S3rverFixture.Bucket, "big/disk.qcow2", target, S3rverFixture.Bucket, "copied/disk.qcow2",
            new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Equal(size, copy.SizeBytes);
        Assert.Equal(_target.ServiceUrl, copy.Endpoint);
        using var s3 = _target.NewClient();
        using var read = await s3.GetObjectAsync(S3rverFixture.Bucket, "copied/disk.qcow2");
        using var landed = new MemoryStream();
        await read.ResponseStream.CopyToAsync(landed);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(landed.ToArray()));
        Assert.Equal(size, reports[^1]);
        Assert.Equal(reports.Order(), reports);
    }

    [Fact]
    public async Task ACopyToABucketThatDoesNotExistSaysSoAndLeavesNothing()
    {
        await PutAsync(_source, "big/disk.qcow2", 2 * ObjectStorageClient.CopyPartSize);
        using var source = ClientOf(_source);
        using var target = ClientOf(_target);

        var failure = await Assert.ThrowsAsync<ObjectStorageException>(() =>
            source.CopyToAsync(S3rverFixture.Bucket, "big/disk.qcow2", target, "missing-bucket", "disk.qcow2", null, CancellationToken.None));

        Assert.Equal(ObjectStorageErrorKind.NoSuchBucket, failure.Kind);
        Assert.Contains("'missing-bucket'", failure.Message);
    }

    [Fact]
    public async Task CopyingAnObjectThatIsNotThereNamesIt()
    {
        using var source = ClientOf(_source);
        using var target = ClientOf(_target);

        var failure = await Assert.ThrowsAsync<ObjectStorageException>(() =>
            source.CopyToAsync(S3rverFixture.Bucket, "gone.qcow2", target, S3rverFixture.Bucket, "gone.qcow2", null, CancellationToken.None));

        Assert.Equal(ObjectStorageErrorKind.NoSuchKey, failure.Kind);
        Assert.Contains("'gone.qcow2'", failure.Message);
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
