using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Koyeb;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Operations.Connecting;

namespace SnapshotPS.Tests.Operations.Koyeb;

/// <summary>Connect-SnapshotProvider -Provider Koyeb: parameters, KOYEB_* variables and the koyeb CLI's config file, in that order.</summary>
public class KoyebConnectTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string FileToken = "file-token-0000000000000000000000000000000000000000000000000001";
    private const string EnvToken = "env-token-00000000000000000000000000000000000000000000000000002";
    private const string ParameterToken = "param-token-000000000000000000000000000000000000000000000000003";
    private readonly EmulatorFixture _emulator;
    private readonly string _home = Directory.CreateTempSubdirectory("snapshotps-koyeb").FullName;
    private readonly Dictionary<string, string?> _env = new();

    public KoyebConnectTests(EmulatorFixture emulator) => _emulator = emulator;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private KoyebConfigLoader Loader() => new(name => _env.TryGetValue(name, out var value) ? value : null, _home);

    private void WriteConfig(string fileName = ".koyeb.yaml", string? token = FileToken) =>
        File.WriteAllText(Path.Combine(_home, fileName), $"""
            token: {token}
            url: http://127.0.0.1:5080/koyeb
            organization: c402bcad-d06d-4fd6-8af2-08b790c0e249
            debug: false
            """);

    private KoyebConnectionSettings Build(ConnectProviderRequest request) => KoyebConnectionBuilder.Build(request, Loader);

    private static ConnectProviderRequest FromConfiguration(SecretValue? token = null, string? region = null) =>
        new() { Provider = CloudProvider.Koyeb, FromConfiguration = true, SecretKey = token, Region = region };

    [Fact]
    public void TheCliConfigFileGivesTokenUrlAndOrganization()
    {
        WriteConfig();

        var settings = Build(FromConfiguration());

        Assert.True(settings.Token!.RevealsAs(FileToken));
        Assert.Equal(new Uri("http://127.0.0.1:5080/koyeb"), settings.Endpoint);
        Assert.Equal("c402bcad-d06d-4fd6-8af2-08b790c0e249", settings.OrganizationId);
        Assert.Contains(".koyeb.yaml", settings.Source);
    }

    [Fact]
    public void KoyebConfigPointsAtAnotherFileAndYmlIsFoundToo()
    {
        WriteConfig(".koyeb.yml");
        var custom = Path.Combine(_home, "elsewhere.yaml");
        File.WriteAllText(custom, "token: custom-token\n");

        var fromYml = Build(FromConfiguration());
        _env["KOYEB_CONFIG"] = custom;
        var fromCustom = Build(FromConfiguration());

        Assert.True(fromYml.Token!.RevealsAs(FileToken));
        Assert.True(fromCustom.Token!.RevealsAs("custom-token"));
        Assert.Contains("elsewhere.yaml", fromCustom.Source);
    }

    [Fact]
    public void KoyebVariablesOverrideTheFileAndParametersOverrideBoth()
    {
        WriteConfig();
        _env["KOYEB_TOKEN"] = EnvToken;
        _env["KOYEB_ORGANIZATION"] = "11111111-2222-4333-8444-555555555555";

        var fromEnvironment = Build(FromConfiguration());
        var fromParameters = Build(FromConfiguration(SecretValue.FromPlainText(ParameterToken), "was"));

        Assert.True(fromEnvironment.Token!.RevealsAs(EnvToken));
        Assert.Equal("11111111-2222-4333-8444-555555555555", fromEnvironment.OrganizationId);
        Assert.Equal(new Uri("http://127.0.0.1:5080/koyeb"), fromEnvironment.Endpoint);
        Assert.Contains("KOYEB_* environment", fromEnvironment.Source);
        Assert.True(fromParameters.Token!.RevealsAs(ParameterToken));
        Assert.Equal("was", fromParameters.Region);
        Assert.StartsWith("parameters, defaults from", fromParameters.Source);
    }

    [Fact]
    public void WithoutAnyTokenTheErrorSaysWhereOneCanBeGiven()
    {
        var settings = Build(FromConfiguration());

        var refused = Assert.Throws<ArgumentException>(settings.Validate);

        Assert.Equal("SecretKey", refused.ParamName);
        Assert.Contains("KOYEB_TOKEN", refused.Message);
        Assert.Contains("~/.koyeb.yaml", refused.Message);
    }

    [Fact]
    public void AKoyebConfigThatNamesAMissingFileIsReportedWhenNoTokenIsGiven()
    {
        var missing = Path.Combine(_home, "nowhere.yaml");
        _env["KOYEB_CONFIG"] = missing;

        var refused = Assert.Throws<ArgumentException>(() => Build(FromConfiguration()));
        var withToken = Build(FromConfiguration(SecretValue.FromPlainText(ParameterToken)));

        Assert.Equal("SecretKey", refused.ParamName);
        Assert.Contains(missing, refused.Message);
        Assert.True(withToken.Token!.RevealsAs(ParameterToken));
    }

    [Fact]
    public void AMalformedConfigFileIsNamedWithoutItsContent()
    {
        File.WriteAllText(Path.Combine(_home, ".koyeb.yaml"), $"token: {FileToken}\n  url: [unclosed\n");

        var refused = Assert.Throws<InvalidDataException>(() => Build(FromConfiguration()));

        Assert.Contains(".koyeb.yaml", refused.Message);
        Assert.DoesNotContain(FileToken, refused.ToString());
    }

    [Theory]
    [InlineData("Zone")]
    [InlineData("Profile")]
    public void ParametersKoyebHasNoUseForAreRefusedByName(string parameter)
    {
        var request = new ConnectProviderRequest
        {
            Provider = CloudProvider.Koyeb, SecretKey = SecretValue.FromPlainText(ParameterToken),
            Zone = parameter == "Zone" ? "fra-1" : null, Profile = parameter == "Profile" ? "work" : null,
        };

        Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => Build(request)).ParamName);
    }

    [Fact]
    public void ConnectRegistersAKoyebConnectionThatListsAndShowsNoToken()
    {
        var registry = new ConnectionRegistry();
        var context = new RecordingContext();

        new ConnectProviderOperation(registry, context).Process(new ConnectProviderRequest
        {
            Provider = CloudProvider.Koyeb, SecretKey = SecretValue.FromPlainText(KoyebFake.DefaultToken), Endpoint = _emulator.Host.KoyebEndpoint,
            Region = "fra", PassThru = true,
        });

        var connection = Assert.Single(context.ObjectsOf<SnapshotConnection>());
        Assert.Empty(context.Errors);
        Assert.Equal("koyeb", connection.Name);
        Assert.Equal(CloudProvider.Koyeb, connection.Provider);
        Assert.Equal("fra", connection.Location);
        Assert.Equal(ProviderCapabilities.Create | ProviderCapabilities.Rename | ProviderCapabilities.Delete, connection.Capabilities);
        Assert.DoesNotContain(KoyebFake.DefaultToken, context.AllText());
        Assert.DoesNotContain(KoyebFake.DefaultToken, string.Join("|", typeof(SnapshotConnection).GetProperties().Select(p => p.GetValue(connection)?.ToString())));
    }

    [Theory]
    [InlineData("Region", "FRA 1")]
    [InlineData("OrganizationId", "my-org")]
    public void BadSettingsAreAnErrorRecordNamingTheParameter(string parameter, string value)
    {
        var context = new RecordingContext();

        new ConnectProviderOperation(new ConnectionRegistry(), context).Process(new ConnectProviderRequest
        {
            Provider = CloudProvider.Koyeb, SecretKey = SecretValue.FromPlainText(ParameterToken),
            Region = parameter == "Region" ? value : null, OrganizationId = parameter == "OrganizationId" ? value : null,
        });

        var error = Assert.Single(context.Errors);
        Assert.Equal("ConnectSnapshotProviderInvalidArgument", error.ErrorId);
        Assert.Contains("-" + parameter, error.Exception.Message);
        Assert.DoesNotContain(ParameterToken, context.AllText());
    }
}
