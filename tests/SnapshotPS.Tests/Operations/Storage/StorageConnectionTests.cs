using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;

namespace SnapshotPS.Tests.Operations.Storage;

/// <summary>The object storage of a connection: derived from the cloud, overridden by parameters and AWS_ENDPOINT_URL_S3, never showing a secret.</summary>
public sealed class StorageConnectionTests : IDisposable
{
    private const string ScalewayAccessKey = "SCWABCDEFGHIJKLMNOPQ";
    private const string StorageSecret = "storage-secret-never-shown";
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();
    private readonly Dictionary<string, string?> _env = new();
    private readonly string _home = Directory.CreateTempSubdirectory("snapshotps-storage").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string? Variable(string name) => _env.TryGetValue(name, out var value) ? value : null;

    private SnapshotConnection? Connect(ConnectProviderRequest request)
    {
        new ConnectProviderOperation(_registry, _context,
            scalewayProfiles: () => new ScalewayProfileLoader(Variable, _home),
            outscaleProfiles: () => new OutscaleProfileLoader(Variable, _home),
            environment: Variable).Process(request);
        return _registry.All().SingleOrDefault();
    }

    private static ConnectProviderRequest Outscale(string region = "eu-west-2", StorageParameters? storage = null, bool fromConfiguration = false) => new()
    {
        Provider = CloudProvider.Outscale,
        AccessKey = OutscaleFake.DefaultAccessKey,
        SecretKey = SecretValue.FromPlainText(OutscaleFake.DefaultSecretKey),
        Region = region,
        Storage = storage ?? new StorageParameters(),
        FromConfiguration = fromConfiguration,
    };

    private static ConnectProviderRequest Scaleway(string zone, string? accessKey) => new()
    {
        Provider = CloudProvider.Scaleway,
        AccessKey = accessKey,
        SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
        ProjectId = ScalewayFake.DefaultProjectId,
        Zone = zone,
    };

    [Fact]
    public void AnOutscaleConnectionUsesTheObjectStorageOfItsRegionWithItsOwnKeys()
    {
        var connection = Connect(Outscale("us-east-2"))!;

        Assert.Equal(new Uri("https://oos.us-east-2.outscale.com"), connection.StorageEndpoint);
        Assert.Equal("us-east-2", connection.StorageRegion);
        Assert.Equal(OutscaleFake.DefaultAccessKey, connection.StorageAccessKey);
        Assert.Equal(new Uri("https://oos.us-east-2.outscale.com"), connection.GetStorage().Endpoint);
        Assert.Contains(_context.Verbose, v => v.Contains("oos.us-east-2.outscale.com"));
    }

    [Fact]
    public void AScalewayConnectionUsesTheObjectStorageOfItsZonesRegion()
    {
        var connection = Connect(Scaleway("nl-ams-2", ScalewayAccessKey))!;

        Assert.Equal(new Uri("https://s3.nl-ams.scw.cloud"), connection.StorageEndpoint);
        Assert.Equal("nl-ams", connection.StorageRegion);
        Assert.Equal(ScalewayAccessKey, connection.StorageAccessKey);
        Assert.Same(connection.GetStorage(), connection.GetStorage());
    }

    [Fact]
    public void AScalewayConnectionWithoutItsAccessKeySaysSoWhenStorageIsFirstUsed()
    {
        var connection = Connect(Scaleway("fr-par-1", null))!;
        Assert.Empty(_context.Errors);

        var refused = Assert.Throws<ArgumentException>(() => connection.GetStorage());
        Assert.Contains("-StorageCredential", refused.Message);
        Assert.Contains("access key", refused.Message);
    }

    [Fact]
    public void StorageParametersOverrideTheCloudsStoreAndKeys()
    {
        var connection = Connect(Outscale(storage: new StorageParameters
        {
            Endpoint = new Uri("http://127.0.0.1:4568/"), Region = "us-east-1", AccessKey = "S3RVER", SecretKey = SecretValue.FromPlainText(StorageSecret),
        }))!;

        Assert.Equal(new Uri("http://127.0.0.1:4568/"), connection.StorageEndpoint);
        Assert.Equal("us-east-1", connection.StorageRegion);
        Assert.Equal("S3RVER", connection.StorageAccessKey);
        var shown = string.Join("|", typeof(SnapshotConnection).GetProperties().Select(p => p.GetValue(connection)?.ToString()));
        Assert.DoesNotContain(StorageSecret, shown + _context.AllText());
        Assert.DoesNotContain(OutscaleFake.DefaultSecretKey, shown + _context.AllText());
    }

    [Fact]
    public void AwsEndpointUrlS3OverridesTheDefaultWhenConnectingFromConfigurationButNotAParameter()
    {
        _env["AWS_ENDPOINT_URL_S3"] = "https://s3.example.test";
        _env["AWS_ENDPOINT_URL"] = "https://every-service.example.test";

        Assert.Equal(new Uri("https://s3.example.test"), Connect(Outscale(fromConfiguration: true))!.StorageEndpoint);
        _registry.Remove("outscale");
        var given = Connect(Outscale(fromConfiguration: true, storage: new StorageParameters { Endpoint = new Uri("https://given.example.test") }))!;
        Assert.Equal(new Uri("https://given.example.test"), given.StorageEndpoint);
    }

    [Fact]
    public void PlainHttpStorageAwayFromLoopbackIsRefusedNamingTheParameterUnlessAllowed()
    {
        Assert.Null(Connect(Outscale(storage: new StorageParameters { Endpoint = new Uri("http://s3.example.test") })));
        var error = Assert.Single(_context.Errors);
        Assert.Contains("-StorageEndpoint", error.Exception.Message);

        var allowed = Outscale(storage: new StorageParameters { Endpoint = new Uri("http://s3.example.test") });
        var connection = Connect(new ConnectProviderRequest
        {
            Provider = allowed.Provider, AccessKey = allowed.AccessKey, SecretKey = allowed.SecretKey, Region = allowed.Region, Storage = allowed.Storage,
            AllowUnencryptedEndpoint = true,
        })!;
        Assert.Equal(new Uri("http://s3.example.test"), connection.StorageEndpoint);
        Assert.Contains(_context.Warnings, w => w.Contains("object storage") && w.Contains("s3.example.test"));
    }

    [Fact]
    public void TheStorageClientIsClosedWithItsConnection()
    {
        var connection = Connect(Outscale())!;
        connection.GetStorage();

        _registry.Remove("outscale");

        Assert.Throws<ObjectDisposedException>(() => connection.GetStorage());
    }

    [Fact]
    public void ConnectionsShareAStoreOnlyWithTheSameEndpointAndKeys()
    {
        var settings = new[] { "a", "b", "c" }.Select(name =>
        {
            var s = new OutscaleConnectionSettings { AccessKey = OutscaleFake.DefaultAccessKey, SecretKey = SecretValue.FromPlainText(OutscaleFake.DefaultSecretKey) };
            s.Storage = Core.Storage.ObjectStorageSettings.ForOutscale(name == "c" ? "us-east-2" : "eu-west-2");
            s.Storage.AccessKey = "AK";
            s.Storage.SecretKey = SecretValue.FromPlainText(name == "b" ? "other" : "same");
            return new SnapshotConnection(name, s, new OutscaleProvider(s, name), DateTimeOffset.Now);
        }).ToList();
        var twin = new OutscaleConnectionSettings { AccessKey = OutscaleFake.DefaultAccessKey, SecretKey = SecretValue.FromPlainText(OutscaleFake.DefaultSecretKey) };
        twin.Storage = Core.Storage.ObjectStorageSettings.ForOutscale("eu-west-2");
        twin.Storage.AccessKey = "AK";
        twin.Storage.SecretKey = SecretValue.FromPlainText("same");
        var same = new SnapshotConnection("twin", twin, new OutscaleProvider(twin, "twin"), DateTimeOffset.Now);

        Assert.True(settings[0].SharesStorageWith(same));
        Assert.False(settings[0].SharesStorageWith(settings[1]));
        Assert.False(settings[0].SharesStorageWith(settings[2]));
    }

    [Fact]
    public void StorageParametersOnAProviderWithoutObjectStorageAreRefused()
    {
        Connect(new ConnectProviderRequest
        {
            Provider = CloudProvider.Koyeb,
            SecretKey = SecretValue.FromPlainText("koyeb-token-0000"),
            Storage = new StorageParameters { Endpoint = new Uri("https://s3.example.test") },
        });

        Assert.Contains("-StorageEndpoint", Assert.Single(_context.Errors).Exception.Message);
        Assert.Empty(_registry.All());
    }
}
