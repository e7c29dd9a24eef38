using System.Buffers.Binary;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;

namespace SnapshotPS.Emulator.Tests.Scaleway;

/// <summary>The Scaleway fake's exports written to, and imports read from, a real S3-compatible server (s3rver).</summary>
public sealed class ScalewayObjectStorageTests(S3rverFixture s3) : EmulatorTestBase, IClassFixture<S3rverFixture>
{
    private const string Bucket = S3rverFixture.Bucket;
    private readonly string _prefix = $"scw-{Guid.NewGuid():N}/";

    protected override void Configure(EmulatorOptions options) => options.ObjectStorage = s3.Options;

    private string Export(string id) => $$"""{"bucket":"{{Bucket}}","key":"{{_prefix}}{{id}}.qcow2"}""";

    private async Task<byte[]?> ReadObjectAsync(string key)
    {
        using var client = s3.NewClient();
        try
        {
            using var image = await client.GetObjectAsync(Bucket, key);
            using var content = new MemoryStream();
            await image.ResponseStream.CopyToAsync(content);
            return content.ToArray();
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static long QcowVirtualSize(byte[] image)
    {
        Assert.Equal("QFI\u00fb", string.Concat(image.Take(4).Select(b => (char)b)));
        return BinaryPrimitives.ReadInt64BigEndian(image.AsSpan(24));
    }

    /// <summary>A minimal qcow2 v3 header written by hand, with the given virtual size.</summary>
    private async Task<string> PutQcowAsync(string name, long virtualSize, bool encrypted = false)
    {
        var header = new byte[512];
        "QFI"u8.CopyTo(header);
        header[3] = 0xFB;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 3);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(20), 16);
        BinaryPrimitives.WriteInt64BigEndian(header.AsSpan(24), virtualSize);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(32), encrypted ? 1 : 0);
        return await PutAsync(name, header);
    }

    private async Task<string> PutAsync(string name, byte[] content)
    {
        var key = _prefix + name;
        using var client = s3.NewClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false });
        return key;
    }

    private string Import(string key, string extra = "") =>
        $$"""{"name":"imported","project":"{{ScalewayFake.DefaultProjectId}}","bucket":"{{Bucket}}","key":"{{key}}"{{extra}}}""";

    [Fact]
    public async Task Instance_export_writes_a_qcow2_object_whose_virtual_size_is_the_snapshot_size_while_it_reads_exporting()
    {
        var volume = Scaleway.AddInstanceVolume(Zone, "db", 30_000_000_000);
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1, volumeId: volume).Single();

        var (status, _) = await CallAsync(HttpMethod.Post, $"{InstanceSnapshots}/{id}/export", Export(id));
        var during = (await GetInstanceSnapshotAsync(id)).GetProperty("state").GetString();
        Clock.Advance(Delay);
        var after = (await GetInstanceSnapshotAsync(id)).GetProperty("state").GetString();

        Assert.Equal((202, "exporting", "available"), (status, during, after));
        var image = await ReadObjectAsync($"{_prefix}{id}.qcow2");
        Assert.NotNull(image);
        Assert.Equal(30_000_000_000, QcowVirtualSize(image!));
    }

    [Fact]
    public async Task Block_export_writes_the_object_and_answers_the_snapshot_exporting()
    {
        var volume = Scaleway.AddBlockVolume(Zone, "blk", 15_000_000_000);
        var id = Scaleway.AddBlockSnapshot(Zone, "blk-snap", volume);

        var (status, body) = await CallAsync(HttpMethod.Post, $"{BlockSnapshots}/{id}/export-to-object-storage", Export(id));
        Clock.Advance(Delay);

        Assert.Equal((200, "exporting"), (status, body.GetProperty("status").GetString()));
        Assert.Equal("available", (await GetBlockSnapshotAsync(id)).GetProperty("status").GetString());
        Assert.Equal(15_000_000_000, QcowVirtualSize((await ReadObjectAsync($"{_prefix}{id}.qcow2"))!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Export_into_a_missing_bucket_is_400_on_bucket_and_leaves_the_snapshot_available(bool block)
    {
        var id = block ? Scaleway.AddBlockSnapshot(Zone, "b") : Scaleway.SeedInstanceSnapshots(Zone, 1).Single();
        var path = block ? $"{BlockSnapshots}/{id}/export-to-object-storage" : $"{InstanceSnapshots}/{id}/export";

        var (status, body) = await CallAsync(HttpMethod.Post, path, """{"bucket":"no-such-bucket","key":"k.qcow2"}""");

        AssertInvalidArgument(status, body, "bucket", "constraint");
        Assert.Contains("no-such-bucket", body.GetProperty("details")[0].GetProperty("help_message").GetString());
        var state = block ? (await GetBlockSnapshotAsync(id)).GetProperty("status") : (await GetInstanceSnapshotAsync(id)).GetProperty("state");
        Assert.Equal("available", state.GetString());
    }

    [Fact]
    public async Task Injected_failure_ends_an_export_in_error_and_writes_no_object()
    {
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1).Single();
        Scaleway.FailNextSnapshots(1);

        var (status, _) = await CallAsync(HttpMethod.Post, $"{InstanceSnapshots}/{id}/export", Export(id));
        Clock.Advance(Delay);
        var snapshot = await GetInstanceSnapshotAsync(id);

        Assert.Equal((202, "error"), (status, snapshot.GetProperty("state").GetString()));
        Assert.False(string.IsNullOrEmpty(snapshot.GetProperty("error_details").GetString()));
        Assert.Null(await ReadObjectAsync($"{_prefix}{id}.qcow2"));
    }

    [Fact]
    public async Task Instance_import_without_size_takes_the_qcow2_virtual_size_and_becomes_available()
    {
        var key = await PutQcowAsync("disk.qcow2", 12L << 30);

        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, Import(key));
        var snapshot = body.GetProperty("snapshot");
        Clock.Advance(Delay);

        Assert.Equal((201, "importing"), (status, snapshot.GetProperty("state").GetString()));
        Assert.Equal(12L << 30, snapshot.GetProperty("size").GetInt64());
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("base_volume").ValueKind);
        var settled = await GetInstanceSnapshotAsync(snapshot.GetProperty("id").GetString()!);
        Assert.Equal("available", settled.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, settled.GetProperty("error_details").ValueKind);
    }

    [Fact]
    public async Task Instance_import_with_a_size_keeps_that_size()
    {
        var key = await PutQcowAsync("sized.qcow2", 1L << 30);

        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, Import(key, ""","size":2147483648"""));

        Assert.Equal(201, status);
        Assert.Equal(2L << 30, body.GetProperty("snapshot").GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Instance_import_of_a_missing_object_ends_in_error_with_details_naming_it()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, Import(_prefix + "missing.qcow2"));
        Clock.Advance(Delay);
        var settled = await GetInstanceSnapshotAsync(body.GetProperty("snapshot").GetProperty("id").GetString()!);

        Assert.Equal(201, status);
        Assert.Equal("error", settled.GetProperty("state").GetString());
        Assert.Contains("missing.qcow2", settled.GetProperty("error_details").GetString());
    }

    [Theory]
    [InlineData(false, "not a QCOW2")]
    [InlineData(true, "encrypted")]
    public async Task Instance_import_of_an_image_it_cannot_take_ends_in_invalid_data_with_details(bool qcowButEncrypted, string said)
    {
        var key = qcowButEncrypted
            ? await PutQcowAsync("locked.qcow2", 1L << 30, encrypted: true)
            : await PutAsync("plain.raw", new byte[4096]);

        var (_, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, Import(key));
        var id = body.GetProperty("snapshot").GetProperty("id").GetString()!;
        var during = (await GetInstanceSnapshotAsync(id)).GetProperty("state").GetString();
        Clock.Advance(Delay);
        var settled = await GetInstanceSnapshotAsync(id);

        Assert.Equal(("importing", "invalid_data"), (during, settled.GetProperty("state").GetString()));
        Assert.Contains(said, settled.GetProperty("error_details").GetString());
    }

    [Fact]
    public async Task Block_import_takes_the_virtual_size_and_becomes_available()
    {
        var key = await PutQcowAsync("block.qcow2", 5L << 30);

        var (status, body) = await CallAsync(HttpMethod.Post, BlockSnapshots + "/import-from-object-storage",
            $$"""{"bucket":"{{Bucket}}","key":"{{key}}","name":"blk-import"}""");
        Clock.Advance(Delay);

        Assert.Equal((200, "creating"), (status, body.GetProperty("status").GetString()));
        Assert.Equal(5L << 30, body.GetProperty("size").GetInt64());
        Assert.Equal("available", (await GetBlockSnapshotAsync(body.GetProperty("id").GetString()!)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("raw", "not a QCOW2")]
    public async Task Block_import_refuses_a_missing_or_non_qcow2_object_with_400_invalid_request_error(string what, string said)
    {
        var key = what == "raw" ? await PutAsync("plain.raw", new byte[4096]) : _prefix + "missing.qcow2";

        var (status, body) = await CallAsync(HttpMethod.Post, BlockSnapshots + "/import-from-object-storage",
            $$"""{"bucket":"{{Bucket}}","key":"{{key}}"}""");

        Assert.Equal((400, "invalid_request_error"), (status, body.GetProperty("type").GetString()));
        Assert.Contains(said, body.GetProperty("message").GetString());
        Assert.Equal(0, Scaleway.BlockSnapshotCount(Zone));
    }

    [Fact]
    public async Task Exported_object_imports_back_with_the_same_size()
    {
        var volume = Scaleway.AddInstanceVolume(Zone, "round", 40_000_000_000);
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1, volumeId: volume).Single();
        await CallAsync(HttpMethod.Post, $"{InstanceSnapshots}/{id}/export", Export(id));
        Clock.Advance(Delay);

        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, Import($"{_prefix}{id}.qcow2"));

        Assert.Equal(201, status);
        Assert.Equal(40_000_000_000, body.GetProperty("snapshot").GetProperty("size").GetInt64());
    }
}
