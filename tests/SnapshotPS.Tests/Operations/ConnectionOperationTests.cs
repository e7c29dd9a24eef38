using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Tests.Operations;

/// <summary>Connect/Get/Disconnect-SnapshotProvider through the seam.</summary>
public class ConnectionOperationTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _emulator;
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();
    private readonly Dictionary<string, string?> _env = new();
    private readonly string _home = Directory.CreateTempSubdirectory("snapshotps-connect").FullName;

    public ConnectionOperationTests(EmulatorFixture emulator) => _emulator = emulator;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private void Connect(ConnectProviderRequest request) =>
        new ConnectProviderOperation(_registry, _context, () => new ScalewayProfileLoader(n => _env.TryGetValue(n, out var v) ? v : null, _home)).Process(request);

    private ConnectProviderRequest WithKey(string? name = null, bool passThru = true, bool makeDefault = false, string? zone = null) => new()
    {
        Zone = zone,
        Provider = CloudProvider.Scaleway,
        Name = name,
        SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
        ProjectId = ScalewayFake.DefaultProjectId,
        Endpoint = _emulator.Host.ScalewayEndpoint,
        PassThru = passThru,
        Default = makeDefault,
    };

    [Fact]
    public void ConnectWithAKeyRegistersANamedDefaultConnectionAndShowsNoSecret()
    {
        Connect(WithKey());

        var connection = Assert.Single(_context.ObjectsOf<SnapshotConnection>());
        Assert.Equal("scaleway", connection.Name);
        Assert.True(connection.IsDefault);
        Assert.Equal("fr-par-1", connection.Location);
        Assert.Equal(ScalewayFake.DefaultProjectId, connection.Scope);
        Assert.Same(connection, _registry.Resolve(null));
        Assert.DoesNotContain(ScalewayFake.DefaultSecretKey, _context.AllText());
        Assert.DoesNotContain(ScalewayFake.DefaultSecretKey, string.Join("|", typeof(SnapshotConnection).GetProperties().Select(p => p.GetValue(connection)?.ToString())));
    }

    [Fact]
    public void ConnectWithoutPassThruWritesNothing()
    {
        Connect(WithKey(passThru: false));
        Assert.Empty(_context.Objects);
        Assert.NotNull(_registry.Find("scaleway"));
    }

    [Fact]
    public void TheFirstConnectionStaysDefaultUntilAnotherAsksToBe()
    {
        Connect(WithKey("one"));
        Connect(WithKey("two"));
        Assert.Equal("one", _registry.Resolve(null).Name);
        Connect(WithKey("three", makeDefault: true));
        Assert.Equal("three", _registry.Resolve(null).Name);
        Assert.Equal(new[] { false, true, false }, _registry.All().Select(c => c.IsDefault));
    }

    [Fact]
    public void ConnectingAgainUnderTheSameNameReplacesTheConnectionWithAWarning()
    {
        Connect(WithKey("same"));
        Assert.Empty(_context.Warnings);
        Connect(WithKey("same"));
        Assert.Single(_registry.All());
        var warning = Assert.Single(_context.Warnings);
        Assert.Contains("Connection 'same' replaces the earlier connection of that name (Scaleway", warning);
        Assert.Contains("Give -Name to keep both", warning);
    }

    [Fact]
    public void ConnectFromTheEnvironmentReadsScwVariables()
    {
        _env["SCW_SECRET_KEY"] = ScalewayFake.DefaultSecretKey;
        _env["SCW_DEFAULT_PROJECT_ID"] = ScalewayFake.DefaultProjectId;
        _env["SCW_DEFAULT_ZONE"] = "nl-ams-1";
        _env["SCW_API_URL"] = _emulator.Host.ScalewayEndpoint.ToString();

        Connect(new ConnectProviderRequest { Provider = CloudProvider.Scaleway, FromConfiguration = true, PassThru = true });

        var connection = Assert.Single(_context.ObjectsOf<SnapshotConnection>());
        Assert.Equal("nl-ams-1", connection.Location);
        Assert.Equal("SCW_* environment", connection.Source);
        Assert.DoesNotContain(ScalewayFake.DefaultSecretKey, _context.AllText());
    }

    [Fact]
    public void ParametersOverrideTheConfiguration()
    {
        _env["SCW_SECRET_KEY"] = ScalewayFake.DefaultSecretKey;
        _env["SCW_DEFAULT_PROJECT_ID"] = ScalewayFake.DefaultProjectId;
        Connect(new ConnectProviderRequest { Provider = CloudProvider.Scaleway, FromConfiguration = true, Zone = "pl-waw-1", PassThru = true });
        Assert.Equal("pl-waw-1", Assert.Single(_context.ObjectsOf<SnapshotConnection>()).Location);
    }

    [Fact]
    public async Task AKeyGivenAsAParameterStillTakesZoneAndProjectFromTheConfiguration()
    {
        _env["SCW_SECRET_KEY"] = "99999999-9999-4999-8999-999999999999";
        _env["SCW_DEFAULT_PROJECT_ID"] = ScalewayFake.DefaultProjectId;
        _env["SCW_DEFAULT_ZONE"] = "pl-waw-3";
        Connect(new ConnectProviderRequest
        {
            Provider = CloudProvider.Scaleway,
            FromConfiguration = true,
            SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
            Endpoint = _emulator.Host.ScalewayEndpoint,
            PassThru = true,
        });

        var connection = Assert.Single(_context.ObjectsOf<SnapshotConnection>());
        Assert.Equal("pl-waw-3", connection.Location);
        Assert.Equal(ScalewayFake.DefaultProjectId, connection.Scope);
        Assert.StartsWith("parameters, defaults from", connection.Source);
        var id = _emulator.Scaleway.SeedInstanceSnapshots("pl-waw-3", 1, "keyed-")[0];
        var read = await connection.GetClient().GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);
        Assert.Equal(id, read.Id);
    }

    [Fact]
    public void ConnectWithNothingConfiguredSaysWhereAKeyCanComeFrom()
    {
        _env["XDG_CONFIG_HOME"] = _home;
        Connect(new ConnectProviderRequest { Provider = CloudProvider.Scaleway, FromConfiguration = true });

        var error = Assert.Single(_context.Errors);
        Assert.Equal("ConnectSnapshotProviderInvalidArgument", error.ErrorId);
        Assert.Contains("SCW_SECRET_KEY", error.Exception.Message);
        Assert.Empty(_registry.All());
    }

    [Theory]
    [InlineData("nl-ams", "nl-ams-1")]
    [InlineData("pl-waw", "pl-waw-1")]
    public void ARegionConnectsToItsFirstZone(string region, string zone)
    {
        var request = WithKey(name: "by-region");
        Connect(new ConnectProviderRequest
        {
            Provider = request.Provider, Name = request.Name, SecretKey = request.SecretKey, ProjectId = request.ProjectId,
            Endpoint = request.Endpoint, Region = region, PassThru = true,
        });
        Assert.Equal(zone, Assert.Single(_context.ObjectsOf<SnapshotConnection>()).Location);
    }

    [Fact]
    public void APrefixIsNotARegion()
    {
        var request = WithKey();
        Connect(new ConnectProviderRequest { Provider = request.Provider, SecretKey = request.SecretKey, ProjectId = request.ProjectId, Region = "fr" });
        Assert.Equal("Region", ((ArgumentException)Assert.Single(_context.Errors).Exception).ParamName);
    }

    [Fact]
    public void ConnectWithABadZoneIsRefused()
    {
        Connect(WithKey(zone: "fr-par-7"));
        Assert.Equal("Zone", ((ArgumentException)Assert.Single(_context.Errors).Exception).ParamName);
        Assert.Empty(_registry.All());
    }

    [Fact]
    public void ParametersWithNoConfigurationAroundAreSaidToBeParametersAlone()
    {
        Connect(new ConnectProviderRequest
        {
            Provider = CloudProvider.Scaleway,
            FromConfiguration = true,
            SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
            ProjectId = ScalewayFake.DefaultProjectId,
            Endpoint = _emulator.Host.ScalewayEndpoint,
            PassThru = true,
        });

        var connection = Assert.Single(_context.ObjectsOf<SnapshotConnection>());
        Assert.Equal("Parameters", connection.Source);
        Assert.DoesNotContain(_context.Verbose, line => line.Contains("nothing found", StringComparison.Ordinal));
    }

    [Fact]
    public void AProviderNotYetSupportedIsRefusedClearly()
    {
        // A value no version serves, so that the test outlives each provider's arrival.
        Connect(new ConnectProviderRequest { Provider = (CloudProvider)99, SecretKey = SecretValue.FromPlainText("x") });
        var error = Assert.Single(_context.Errors);
        Assert.Equal("ConnectSnapshotProviderNotSupported", error.ErrorId);
        Assert.Equal("SnapshotPS cannot connect to '99': it connects to Outscale, Scaleway, OpenStack, Koyeb and CloudMC.", error.Exception.Message);
    }

    [Fact]
    public void GetProviderFiltersByWildcardNameAndReportsAMissingExactName()
    {
        Connect(WithKey("prod-a", passThru: false));
        Connect(WithKey("prod-b", passThru: false));
        Connect(WithKey("dev", passThru: false));

        new GetProviderOperation(_registry, _context).Process(new[] { "prod-*", "missing" }, null);

        Assert.Equal(new[] { "prod-a", "prod-b" }, _context.ObjectsOf<SnapshotConnection>().Select(c => c.Name));
        Assert.Equal("GetSnapshotProviderConnectionNotFound", Assert.Single(_context.Errors).ErrorId);
    }

    [Fact]
    public void DisconnectRemovesAfterConfirmationAndAWhatIfKeepsIt()
    {
        Connect(WithKey("keep", passThru: false));
        Connect(WithKey("drop", passThru: false));
        _context.IsWhatIf = true;
        new DisconnectProviderOperation(_registry, _context).Process(new[] { "keep" });
        Assert.NotNull(_registry.Find("keep"));

        _context.IsWhatIf = false;
        new DisconnectProviderOperation(_registry, _context).Process(new[] { "drop", "ghost" });
        Assert.Null(_registry.Find("drop"));
        Assert.Equal("keep", _registry.Resolve(null).Name);
        Assert.Equal("DisconnectSnapshotProviderConnectionNotFound", Assert.Single(_context.Errors).ErrorId);
    }

    [Fact]
    public void DisconnectAllEmptiesTheRegistry()
    {
        Connect(WithKey("a", passThru: false));
        Connect(WithKey("b", passThru: false));
        new DisconnectProviderOperation(_registry, _context).ProcessAll();
        Assert.Empty(_registry.All());
        var failure = Assert.Throws<InvalidOperationException>(() => _registry.Resolve(null));
        Assert.Contains("Connect-SnapshotProvider", failure.Message);
    }
}
