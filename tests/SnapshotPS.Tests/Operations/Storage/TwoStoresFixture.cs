using SnapshotPS.Core.Connections;
using SnapshotPS.Emulator;
using SnapshotPS.Emulator.Tests.Support;
using SnapshotPS.Operations;

namespace SnapshotPS.Tests.Operations.Storage;

/// <summary>
/// Two OUTSCALE clouds, each writing exports to and reading imports from its own s3rver (two accounts with
/// two stores), and a third emulator that keeps exports in memory only (an export that never lands).
/// </summary>
public sealed class TwoStoresFixture : TwoStoredClouds
{
    public EmulatorHost NoStoreCloud { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        NoStoreCloud = await EmulatorHost.StartAsync(EmulatorOptions.Instant());
    }

    public override async Task DisposeAsync()
    {
        await NoStoreCloud.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>
    /// Connects through Connect-SnapshotProvider's operation, with the store's endpoint and keys as -Storage* parameters;
    /// <paramref name="storageKeys"/> other than the store's make an account whose keys cannot read the store's buckets.
    /// </summary>
    public static void Connect(ConnectionRegistry registry, string name, EmulatorHost cloud, S3rverFixture? store, string region = OutscaleFake.DefaultRegion,
        (string AccessKey, string SecretKey)? storageKeys = null)
    {
        var keys = storageKeys ?? (S3rverFixture.AccessKey, S3rverFixture.SecretKey);
        var context = new RecordingContext();
        new ConnectProviderOperation(registry, context, environment: _ => null).Process(new ConnectProviderRequest
        {
            Provider = Core.Model.CloudProvider.Outscale,
            Name = name,
            Endpoint = cloud.OutscaleEndpoint,
            AccessKey = OutscaleFake.DefaultAccessKey,
            SecretKey = SecretValue.FromPlainText(OutscaleFake.DefaultSecretKey),
            Region = region,
            Storage = new StorageParameters
            {
                Endpoint = store?.ServiceUrl,
                AccessKey = store is null ? null : keys.AccessKey,
                SecretKey = store is null ? null : SecretValue.FromPlainText(keys.SecretKey),
            },
            PollInterval = TimeSpan.FromMilliseconds(20),
        });
        Assert.Empty(context.Errors);
    }

    /// <summary>Connects to the Scaleway fake of <paramref name="cloud"/> (fr-par-1) with the store's endpoint and keys.</summary>
    public static void ConnectScaleway(ConnectionRegistry registry, string name, EmulatorHost cloud, S3rverFixture store)
    {
        var context = new RecordingContext();
        new ConnectProviderOperation(registry, context, environment: _ => null).Process(new ConnectProviderRequest
        {
            Provider = Core.Model.CloudProvider.Scaleway,
            Name = name,
            Endpoint = cloud.ScalewayEndpoint,
            SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
            ProjectId = ScalewayFake.DefaultProjectId,
            Zone = "fr-par-1",
            Storage = new StorageParameters
            {
                Endpoint = store.ServiceUrl, AccessKey = S3rverFixture.AccessKey, SecretKey = SecretValue.FromPlainText(S3rverFixture.SecretKey),
            },
            PollInterval = TimeSpan.FromMilliseconds(20),
        });
        Assert.Empty(context.Errors);
    }

    /// <summary>A completed snapshot of a volume of <paramref name="sizeGiB"/> in cloud <paramref name="cloud"/>, named <paramref name="name"/>.</summary>
    public static string Seed(EmulatorHost cloud, string name, int sizeGiB = 10)
    {
        var volume = cloud.Outscale.AddVolume(sizeGiB);
        return cloud.Outscale.SeedSnapshots(1, volume, "seeded", new[] { new KeyValuePair<string, string>("Name", name) })[0];
    }

    public static int Calls(EmulatorHost cloud) => cloud.Requests.Snapshot().Count(r => r.Provider == "outscale");
}
