using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Providers.OpenStack;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>One emulator per test class, with settings for its OpenStack fake's demo user, project and credential.</summary>
public sealed class OpenStackEmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Host { get; private set; } = null!;

    public OpenStackFake Fake => Host.OpenStack;

    public async Task InitializeAsync() => Host = await EmulatorHost.StartAsync(EmulatorOptions.Instant());

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>The demo user by name and domain name, scoped to the demo project by name, in RegionOne.</summary>
    public OpenStackConnectionSettings PasswordSettings(string? region = OpenStackFake.RegionOne) => new()
    {
        Endpoint = Host.OpenStackAuthUrl,
        Username = OpenStackFake.DemoUserName,
        UserDomainName = OpenStackFake.DefaultDomainName,
        Password = SecretValue.FromPlainText(OpenStackFake.DemoPassword),
        ProjectName = OpenStackFake.DemoProjectName,
        ProjectDomainId = OpenStackFake.DefaultDomainId,
        Region = region,
        PollInterval = TimeSpan.FromMilliseconds(20),
        Http = FastHttp(),
    };

    public OpenStackConnectionSettings ApplicationCredentialSettings(string? region = OpenStackFake.RegionOne) => new()
    {
        Endpoint = Host.OpenStackAuthUrl,
        ApplicationCredentialId = OpenStackFake.DemoApplicationCredentialId,
        ApplicationCredentialSecret = SecretValue.FromPlainText(OpenStackFake.DemoApplicationCredentialSecret),
        Region = region,
        PollInterval = TimeSpan.FromMilliseconds(20),
        Http = FastHttp(),
    };

    public OpenStackProvider Provider(OpenStackConnectionSettings? settings = null, string name = "openstack") => new(settings ?? PasswordSettings(), name);

    public SnapshotConnection Add(ConnectionRegistry registry, string name = "openstack", OpenStackConnectionSettings? settings = null)
    {
        settings ??= PasswordSettings();
        var connection = new SnapshotConnection(name, settings, ProviderFactory.Create(settings, name), DateTimeOffset.Now);
        registry.Add(connection, makeDefault: false);
        return connection;
    }

    public int Requests(string pathPart) =>
        Host.Requests.Snapshot().Count(r => r.Provider == "openstack" && r.Path.Contains(pathPart, StringComparison.Ordinal));

    public static HttpPipelineOptions FastHttp() => new()
    {
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };
}
