using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;

namespace SnapshotPS.Emulator.Tests.Outscale;

/// <summary>Exports written to, and imports read from, a real S3-compatible server (s3rver).</summary>
public sealed class ObjectStorageTests(S3rverFixture s3) : OutscaleTestBase, IClassFixture<S3rverFixture>
{
    private const string ApiSecret = "OOS-SECRET-never-stored-0123456789";
    private const long SnapshotSize = 10L << 30;

    private readonly string _prefix = $"t-{Guid.NewGuid():N}/";

    protected override void Configure(EmulatorOptions options) => options.ObjectStorage = s3.Options;

    [Fact]
    public async Task Completed_export_is_an_object_in_the_bucket_with_the_qcow2_magic()
    {
        var snapshotId = Outscale.SeedSnapshots(1).Single();
        var taskId = await CreateTaskAsync(snapshotId, S3rverFixture.Bucket);

        Clock.Advance(Delay / 2);
        var active = await ReadTaskAsync(taskId);
        Clock.Advance(Delay / 2);
        var done = await ReadTaskAsync(taskId);

        Assert.Equal("active", State(active));
        Assert.Equal(("completed", 100), (State(done), Progress(done)));
        using var client = s3.NewClient();
        using var image = await client.GetObjectAsync(S3rverFixture.Bucket, $"{_prefix}{snapshotId}.qcow2");
        using var content = new MemoryStream();
        await image.ResponseStream.CopyToAsync(content);
        Assert.Equal("QFI\u00fb", string.Concat(content.ToArray().Take(4).Select(b => (char)b)));
        Assert.InRange(content.Length, 512, 64 * 1024);
        Assert.Equal(snapshotId, image.Metadata["x-amz-meta-snapshot-id"]);
        Assert.DoesNotContain(image.Metadata.Keys, key => image.Metadata[key].Contains(ApiSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_into_a_missing_bucket_ends_failed_with_a_comment()
    {
        var snapshotId = Outscale.SeedSnapshots(1).Single();
        var taskId = await CreateTaskAsync(snapshotId, "no-such-bucket");

        Clock.Advance(Delay);
        var failed = await ReadTaskAsync(taskId);
        var again = await ReadTaskAsync(taskId);

        Assert.Equal("failed", State(failed));
        Assert.Contains("'no-such-bucket' does not exist", failed.GetProperty("Comment").GetString());
        Assert.Equal("failed", State(again));
    }

    [Fact]
    public async Task Import_from_a_pre_signed_url_of_an_existing_object_completes()
    {
        var key = _prefix + "snap-import.qcow2";
        using var client = s3.NewClient();
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = S3rverFixture.Bucket, Key = key, ContentBody = "QFI image", UseChunkEncoding = false,
        });

        var snapshot = await ImportAsync(await PreSignAsync(client, key));
        Clock.Advance(Delay);

        Assert.Equal("importing", State(snapshot));
        Assert.Equal(("completed", 100), Settled(await ReadSnapshotAsync(snapshot.GetProperty("SnapshotId").GetString()!)));
    }

    [Fact]
    public async Task Import_from_a_pre_signed_url_of_a_missing_key_ends_in_error()
    {
        using var client = s3.NewClient();

        var snapshot = await ImportAsync(await PreSignAsync(client, _prefix + "missing.qcow2"));
        Clock.Advance(Delay);

        Assert.Equal("importing", State(snapshot));
        Assert.Equal("error", State(await ReadSnapshotAsync(snapshot.GetProperty("SnapshotId").GetString()!)));
    }

    private static (string, int) Settled(JsonElement snapshot) => (State(snapshot), Progress(snapshot));

    private static Task<string> PreSignAsync(IAmazonS3 client, string key) => client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
    {
        BucketName = S3rverFixture.Bucket, Key = key, Verb = HttpVerb.GET, Protocol = Protocol.HTTP,
        Expires = DateTime.UtcNow.AddHours(1),
    });

    private async Task<JsonElement> ImportAsync(string url)
    {
        var body = JsonSerializer.Serialize(new { FileLocation = url, SnapshotSize });
        return (await OkAsync("CreateSnapshot", body)).GetProperty("Snapshot");
    }

    private async Task<string> CreateTaskAsync(string snapshotId, string bucket)
    {
        var body = await OkAsync("CreateSnapshotExportTask", $$$"""
            {"SnapshotId":"{{{snapshotId}}}","OsuExport":{"DiskImageFormat":"qcow2","OsuBucket":"{{{bucket}}}","OsuPrefix":"{{{_prefix}}}",
             "OsuApiKey":{"ApiKeyId":"AK","SecretKey":"{{{ApiSecret}}}"}}
            """ + "}");
        return body.GetProperty("SnapshotExportTask").GetProperty("TaskId").GetString()!;
    }

    private async Task<JsonElement> ReadTaskAsync(string taskId)
    {
        var body = await OkAsync("ReadSnapshotExportTasks", $$$"""{"Filters":{"TaskIds":["{{{taskId}}}"]}}""");
        return Assert.Single(body.GetProperty("SnapshotExportTasks").EnumerateArray().ToArray());
    }
}
