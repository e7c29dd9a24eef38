using System.Runtime.InteropServices;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.OpenStack;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Operations.Connecting;
using SnapshotPS.Tests.Providers.OpenStack;

namespace SnapshotPS.Tests.Operations.OpenStack;

/// <summary>Connect-SnapshotProvider -Provider OpenStack through the seam: parameters, OS_* environment, clouds.yaml, and their order.</summary>
public class OpenStackConnectOperationTests(OpenStackEmulatorFixture emulator) : IClassFixture<OpenStackEmulatorFixture>
{
    private const string Here = "/work/here";
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();
    private readonly Dictionary<string, string?> _env = new();
    private readonly Dictionary<string, string> _files = new();

    private void Connect(ConnectProviderRequest request) =>
        new ConnectProviderOperation(_registry, _context, openStackConfig: () =>
            new OpenStackConfigLoader(n => _env.TryGetValue(n, out var v) ? v : null, p => _files.TryGetValue(p, out var t) ? t : null, Here, "/home/alice", OSPlatform.Linux))
            .Process(request);

    private ConnectProviderRequest WithPassword(OpenStackParameters? openStack = null, string? region = OpenStackFake.RegionOne) => new()
    {
        Provider = CloudProvider.OpenStack,
        Endpoint = emulator.Host.OpenStackAuthUrl,
        AccessKey = OpenStackFake.DemoUserName,
        SecretKey = SecretValue.FromPlainText(OpenStackFake.DemoPassword),
        Region = region,
        FromConfiguration = true,
        PassThru = true,
        OpenStack = openStack ?? new OpenStackParameters { UserDomain = "Default", ProjectName = OpenStackFake.DemoProjectName, ProjectDomain = "default" },
    };

    private async Task<List<CloudSnapshot>> ListAsync(string connection)
    {
        var reader = new RecordingContext();
        await new GetSnapshotOperation(_registry, reader).ProcessAsync(new GetSnapshotRequest { Connection = connection }, CancellationToken.None);
        Assert.Empty(reader.Errors);
        return reader.ObjectsOf<CloudSnapshot>().ToList();
    }

    [Fact]
    public async Task Parameters_alone_connect_with_a_password_and_the_connection_lists_snapshots()
    {
        var volume = emulator.Fake.AddVolume(name: "by-parameters");
        var seeded = emulator.Fake.SeedSnapshots(volume, 3, "by-parameters-");

        Connect(WithPassword());

        Assert.Empty(_context.Errors);
        var connection = Assert.Single(_context.ObjectsOf<SnapshotConnection>());
        Assert.Equal(("openstack", CloudProvider.OpenStack, OpenStackFake.RegionOne, OpenStackFake.DemoProjectName, "Parameters"),
            (connection.Name, connection.Provider, connection.Location, connection.Scope, connection.Source));
        Assert.Superset(seeded.ToHashSet(), (await ListAsync("openstack")).Select(s => s.Id).ToHashSet());
    }

    [Fact]
    public async Task An_application_credential_id_with_its_secret_connects()
    {
        Connect(new ConnectProviderRequest
        {
            Provider = CloudProvider.OpenStack, Name = "app", Endpoint = emulator.Host.OpenStackAuthUrl, Region = OpenStackFake.RegionTwo,
            SecretKey = SecretValue.FromPlainText(OpenStackFake.DemoApplicationCredentialSecret), FromConfiguration = true, PassThru = true,
            OpenStack = new OpenStackParameters { ApplicationCredentialId = OpenStackFake.DemoApplicationCredentialId },
        });

        Assert.Empty(_context.Errors);
        Assert.Contains("application credential", Assert.Single(_context.ObjectsOf<SnapshotConnection>()).Scope);
        await ListAsync("app");
    }

    [Fact]
    public async Task The_OS_environment_alone_connects()
    {
        _env["OS_AUTH_URL"] = emulator.Host.OpenStackAuthUrl.AbsoluteUri;
        _env["OS_USERNAME"] = OpenStackFake.DemoUserName;
        _env["OS_PASSWORD"] = OpenStackFake.DemoPassword;
        _env["OS_USER_DOMAIN_ID"] = OpenStackFake.DefaultDomainId;
        _env["OS_PROJECT_ID"] = OpenStackFake.DemoProjectId;
        _env["OS_REGION_NAME"] = OpenStackFake.RegionOne;

        Connect(new ConnectProviderRequest { Provider = CloudProvider.OpenStack, Name = "env", FromConfiguration = true, PassThru = true });

        Assert.Empty(_context.Errors);
        Assert.Equal("OS_* environment", Assert.Single(_context.ObjectsOf<SnapshotConnection>()).Source);
        await ListAsync("env");
    }

    [Fact]
    public async Task A_cloud_of_clouds_yaml_connects_and_parameters_then_the_environment_override_it()
    {
        _files[Path.Combine(Here, "clouds.yaml")] = $"""
            clouds:
              fake:
                auth:
                  auth_url: {emulator.Host.OpenStackAuthUrl}
                  username: {OpenStackFake.DemoUserName}
                  password: wrong-in-the-file
                  user_domain_name: Default
                  project_name: {OpenStackFake.DemoProjectName}
                  project_domain_name: Default
                region_name: RegionNine
            """;
        _env["OS_PASSWORD"] = OpenStackFake.DemoPassword; // the environment beats the file
        var request = new ConnectProviderRequest { Provider = CloudProvider.OpenStack, Name = "yaml", Profile = "fake", Region = OpenStackFake.RegionTwo, FromConfiguration = true, PassThru = true };

        Connect(request);

        Assert.Empty(_context.Errors);
        var connection = Assert.Single(_context.ObjectsOf<SnapshotConnection>());
        Assert.Equal(OpenStackFake.RegionTwo, connection.Location); // the parameter beats the file
        Assert.StartsWith("parameters, defaults from clouds.yaml cloud 'fake'", connection.Source);
        await ListAsync("yaml");
    }

    [Theory]
    [InlineData("ProjectId")]
    [InlineData("ProjectName")]
    public void A_scope_parameter_with_an_application_credential_is_an_error_naming_it_and_nothing_is_registered(string parameter)
    {
        var before = emulator.Requests("/");
        Connect(new ConnectProviderRequest
        {
            Provider = CloudProvider.OpenStack, Endpoint = emulator.Host.OpenStackAuthUrl,
            SecretKey = SecretValue.FromPlainText(OpenStackFake.DemoApplicationCredentialSecret),
            ProjectId = parameter == "ProjectId" ? OpenStackFake.DemoProjectId : null,
            OpenStack = new OpenStackParameters
            {
                ApplicationCredentialId = OpenStackFake.DemoApplicationCredentialId,
                ProjectName = parameter == "ProjectName" ? OpenStackFake.DemoProjectName : null,
            },
        });

        var error = Assert.Single(_context.Errors);
        Assert.Equal("ConnectSnapshotProviderInvalidArgument", error.ErrorId);
        Assert.Equal(parameter, ((ArgumentException)error.Exception).ParamName);
        Assert.Contains("-" + parameter, error.Exception.Message);
        Assert.Empty(_registry.All());
        Assert.Equal(before, emulator.Requests("/"));
    }

    [Theory]
    [InlineData("Zone")]
    [InlineData("OrganizationId")]
    public void Parameters_OpenStack_has_no_use_for_are_refused(string parameter)
    {
        var request = WithPassword();
        Connect(new ConnectProviderRequest
        {
            Provider = request.Provider, Endpoint = request.Endpoint, AccessKey = request.AccessKey, SecretKey = request.SecretKey, OpenStack = request.OpenStack,
            Zone = parameter == "Zone" ? "az1" : null, OrganizationId = parameter == "OrganizationId" ? "org" : null,
        });

        Assert.Equal(parameter, ((ArgumentException)Assert.Single(_context.Errors).Exception).ParamName);
    }

    [Fact]
    public async Task A_domain_given_as_an_id_goes_to_Keystone_by_id_and_a_name_by_name()
    {
        var request = WithPassword(new OpenStackParameters { UserDomain = "default", ProjectName = "demo", ProjectDomain = "Default" });
        Connect(new ConnectProviderRequest
        {
            Provider = request.Provider, Name = "domains", Endpoint = request.Endpoint, Region = request.Region, AccessKey = request.AccessKey,
            SecretKey = request.SecretKey, OpenStack = request.OpenStack,
        });

        await ListAsync("domains");

        var body = emulator.Host.Requests.Snapshot().Last(r => r.Path.EndsWith("/auth/tokens", StringComparison.Ordinal)).Body!;
        Assert.Contains("\"domain\":{\"id\":\"default\"}", body);
        Assert.Contains("\"project\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"}}", body);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_by_the_first_cmdlet_and_no_secret_appears_anywhere()
    {
        var request = WithPassword();
        Connect(new ConnectProviderRequest
        {
            Provider = request.Provider, Name = "wrong", Endpoint = request.Endpoint, Region = request.Region, AccessKey = request.AccessKey,
            SecretKey = SecretValue.FromPlainText("hunter2-wrong"), OpenStack = request.OpenStack, PassThru = true,
        });
        var reader = new RecordingContext();

        await new GetSnapshotOperation(_registry, reader).ProcessAsync(new GetSnapshotRequest { Connection = "wrong" }, CancellationToken.None);

        var error = Assert.Single(reader.Errors);
        Assert.Equal("GetCloudSnapshotUnauthenticated", error.ErrorId);
        Assert.DoesNotContain("hunter2-wrong", _context.AllText() + reader.AllText() + error.Exception);
        Assert.DoesNotContain("hunter2-wrong", string.Join("\n", emulator.Host.Requests.Snapshot().Select(r => r.Body)));
    }
}
