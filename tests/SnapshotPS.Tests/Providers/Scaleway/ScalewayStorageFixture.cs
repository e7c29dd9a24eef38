using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;
using SnapshotPS.Emulator.Tests.Support;

namespace SnapshotPS.Tests.Providers.Scaleway;

/// <summary>An emulator whose Scaleway fake writes exports into, and reads imports from, its own s3rver.</summary>
public sealed class ScalewayStorageFixture : IAsyncLifetime
{
    public S3rverFixture S3 { get; } = new();

    public EmulatorHost Host { get; private set; } = null!;

    public ScalewayFake Scaleway => Host.Scaleway;

    public async Task InitializeAsync()
    {
        await S3.InitializeAsync();
        var options = EmulatorOptions.Instant();
        options.ObjectStorage = S3.Options;
        Host = await EmulatorHost.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await S3.DisposeAsync();
    }

    public ScalewayProvider Provider(string zone = "fr-par-1") => new(new ScalewayConnectionSettings
    {
        Endpoint = Host.ScalewayEndpoint,
        SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
        ProjectId = ScalewayFake.DefaultProjectId,
        Zone = zone,
        PollInterval = TimeSpan.FromMilliseconds(20),
        Http = new HttpPipelineOptions
        {
            MaxRetries = 3,
            BaseDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(30),
        },
    }, "scaleway");

    public int Requests(string method, string pathContains) =>
        Host.Requests.Snapshot().Count(r => r.Provider == "scaleway" && r.Method == method && r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase));

    /// <summary>The object's bytes, or null when there is none.</summary>
    public async Task<byte[]?> ReadObjectAsync(string key)
    {
        using var client = S3.NewClient();
        try
        {
            using var image = await client.GetObjectAsync(S3rverFixture.Bucket, key);
            using var content = new MemoryStream();
            await image.ResponseStream.CopyToAsync(content);
            return content.ToArray();
        }
        catch (Amazon.S3.AmazonS3Exception missing) when (missing.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task PutObjectAsync(string key, byte[] content)
    {
        using var client = S3.NewClient();
        await client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
        {
            BucketName = S3rverFixture.Bucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false,
        });
    }
}
