using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Infrastructure;

/// <summary>One emulator per test class, on a free loopback port, with states that settle at once.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Host { get; private set; } = null!;

    public ScalewayFake Scaleway => Host.Scaleway;

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync(EmulatorOptions.Instant());
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Settings for the emulator's default tenant, with fast retries so fault tests stay quick.</summary>
    public ScalewayConnectionSettings ScalewaySettings(string zone = "fr-par-1", string secretKey = ScalewayFake.DefaultSecretKey, string? projectId = ScalewayFake.DefaultProjectId) => new()
    {
        Endpoint = Host.ScalewayEndpoint,
        SecretKey = SecretValue.FromPlainText(secretKey),
        ProjectId = projectId,
        Zone = zone,
        PollInterval = TimeSpan.FromMilliseconds(20),
        Http = FastHttp(),
    };

    public ScalewayProvider ScalewayProvider(string zone = "fr-par-1") => new(ScalewaySettings(zone), "scaleway");

    public OutscaleFake Outscale => Host.Outscale;

    /// <summary>Settings for the emulator's default Outscale account, with fast retries.</summary>
    public OutscaleConnectionSettings OutscaleSettings(string accessKey = OutscaleFake.DefaultAccessKey, string secretKey = OutscaleFake.DefaultSecretKey) => new()
    {
        Endpoint = Host.OutscaleEndpoint,
        AccessKey = accessKey,
        SecretKey = SecretValue.FromPlainText(secretKey),
        Region = OutscaleFake.DefaultRegion,
        PollInterval = TimeSpan.FromMilliseconds(20),
        Http = FastHttp(),
    };

    public OutscaleProvider OutscaleProvider(string name = "outscale") => new(OutscaleSettings(), name);

    public SnapshotConnection AddOutscale(ConnectionRegistry registry, string name = "outscale", OutscaleConnectionSettings? settings = null)
    {
        settings ??= OutscaleSettings();
        var connection = new SnapshotConnection(name, settings, ProviderFactory.Create(settings, name), DateTimeOffset.Now);
        registry.Add(connection, makeDefault: false);
        return connection;
    }

    public int OutscaleCalls(string operation) =>
        Host.Requests.Snapshot().Count(r => r.Provider == "outscale" && r.Path.EndsWith("/" + operation, StringComparison.Ordinal));

    private static HttpPipelineOptions FastHttp() => new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A registry holding one Scaleway connection named <paramref name="name"/>.</summary>
    public ConnectionRegistry RegistryWithScaleway(string name = "scaleway", string zone = "fr-par-1")
    {
        var registry = new ConnectionRegistry();
        AddScaleway(registry, name, zone);
        return registry;
    }

    public SnapshotConnection AddScaleway(ConnectionRegistry registry, string name, string zone = "fr-par-1", string secretKey = ScalewayFake.DefaultSecretKey)
    {
        var settings = ScalewaySettings(zone, secretKey);
        var connection = new SnapshotConnection(name, settings, ProviderFactory.Create(settings, name), DateTimeOffset.Now);
        registry.Add(connection, makeDefault: false);
        return connection;
    }

    public int ScalewayRequests(string method = "", string pathContains = "") =>
        Host.Requests.Snapshot().Count(r => r.Provider == "scaleway"
            && (method.Length == 0 || r.Method == method)
            && r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase));
}
