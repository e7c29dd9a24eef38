using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.CloudMC;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Operations.Connecting;

namespace SnapshotPS.Tests.Operations.CloudMC;

/// <summary>Connect-SnapshotProvider -Provider CloudMC from parameters and from CLOUDMC_* variables.</summary>
public sealed class CloudMCConnectTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();

    private ConnectProviderRequest FromParameters(string? environment = CloudMCFake.DefaultEnvironment) => new()
    {
        Provider = CloudProvider.CloudMC,
        SecretKey = SecretValue.FromPlainText(CloudMCFake.DefaultApiKey),
        Endpoint = emulator.Host.CloudMCEndpoint,
        ServiceCode = CloudMCFake.DefaultServiceCode,
        Environment = environment,
        PassThru = true,
    };

    [Fact]
    public async Task Connect_from_parameters_registers_a_connection_that_lists_and_shows_no_key()
    {
        emulator.Host.CloudMC.SeedSnapshots(emulator.Host.CloudMC.AddVolume(), 2, "connect-");

        new ConnectProviderOperation(_registry, _context).Process(FromParameters());
        await new GetSnapshotOperation(_registry, _context).ProcessAsync(new GetSnapshotRequest { Names = ["connect-*"] }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        var connection = Assert.Single(_context.ObjectsOf<SnapshotConnection>());
        Assert.Equal(("cloudmc", CloudProvider.CloudMC, CloudMCFake.DefaultEnvironment, "compute-on"), (connection.Name, connection.Provider, connection.Location, connection.Scope));
        Assert.Equal(2, _context.ObjectsOf<CloudSnapshot>().Count());
        Assert.DoesNotContain(CloudMCFake.DefaultApiKey, _context.AllText());
        Assert.DoesNotContain(CloudMCFake.DefaultApiKey, string.Join("|", typeof(SnapshotConnection).GetProperties().Select(p => p.GetValue(connection)?.ToString())));
    }

    [Fact]
    public void Connect_without_an_environment_is_an_error_naming_Environment()
    {
        new ConnectProviderOperation(_registry, _context).Process(FromParameters(environment: null));

        var error = Assert.Single(_context.Errors);
        Assert.Equal("ConnectSnapshotProviderInvalidArgument", error.ErrorId);
        Assert.Contains("-Environment", error.Exception.Message);
        Assert.Empty(_registry.All());
    }

    [Theory]
    [InlineData("Zone")]
    [InlineData("ProjectId")]
    [InlineData("Profile")]
    public void Parameters_of_other_clouds_are_refused_by_name(string parameter)
    {
        var request = parameter switch
        {
            "Zone" => new ConnectProviderRequest { Provider = CloudProvider.CloudMC, Zone = "fr-par-1" },
            "ProjectId" => new ConnectProviderRequest { Provider = CloudProvider.CloudMC, ProjectId = "p" },
            _ => new ConnectProviderRequest { Provider = CloudProvider.CloudMC, Profile = "default" },
        };

        var bad = Assert.Throws<ArgumentException>(() => CloudMCConnectionBuilder.Build(request, () => new CloudMCEnvironmentLoader(_ => null)));

        Assert.Equal(parameter, bad.ParamName);
    }

    [Fact]
    public void The_environment_variables_give_every_setting_and_parameters_win_over_them()
    {
        var variables = new Dictionary<string, string>
        {
            ["CLOUDMC_API_KEY"] = "from-environment-key",
            ["CLOUDMC_ENDPOINT"] = "https://portal.example.com/api/v1",
            ["CLOUDMC_SERVICE_CODE"] = "compute-qc",
            ["CLOUDMC_ENVIRONMENT"] = "prod",
            ["CLOUDMC_ORG_ID"] = "7a0c6b7e-0000-4000-8000-000000000001",
            ["CLOUDMC_RAPID"] = "true",
        };
        Func<CloudMCEnvironmentLoader> environment = () => new CloudMCEnvironmentLoader(name => variables.GetValueOrDefault(name));

        var fromEnvironment = CloudMCConnectionBuilder.Build(new ConnectProviderRequest { Provider = CloudProvider.CloudMC, FromConfiguration = true }, environment);
        var overridden = CloudMCConnectionBuilder.Build(new ConnectProviderRequest { Provider = CloudProvider.CloudMC, FromConfiguration = true, Environment = "staging" }, environment);
        fromEnvironment.Validate();

        Assert.Equal(("https://portal.example.com/api/v1/", "compute-qc", "prod", "7a0c6b7e-0000-4000-8000-000000000001", (bool?)true),
            (fromEnvironment.ApiRoot.AbsoluteUri, fromEnvironment.ServiceCode, fromEnvironment.EnvironmentName, fromEnvironment.OrganizationId, fromEnvironment.Rapid));
        Assert.StartsWith("environment (CLOUDMC_API_KEY", fromEnvironment.Source);
        Assert.DoesNotContain("from-environment-key", fromEnvironment.Source);
        Assert.Equal("staging", overridden.EnvironmentName);
        Assert.StartsWith("parameters, defaults from environment", overridden.Source);
    }

    [Fact]
    public void A_malformed_variable_is_an_error_naming_the_variable()
    {
        var bad = Assert.Throws<ArgumentException>(() => CloudMCConnectionBuilder.Build(new ConnectProviderRequest { Provider = CloudProvider.CloudMC, FromConfiguration = true },
            () => new CloudMCEnvironmentLoader(name => name == "CLOUDMC_ENDPOINT" ? "portal.example.com" : null)));

        Assert.Equal("Endpoint", bad.ParamName);
        Assert.Contains("CLOUDMC_ENDPOINT", bad.Message);
    }
}
