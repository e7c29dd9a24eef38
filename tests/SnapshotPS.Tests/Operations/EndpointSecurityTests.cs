using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Tests.Operations;

/// <summary>Connect-SnapshotProvider sends credentials only over https, or http to loopback, unless told otherwise by name.</summary>
public class EndpointSecurityTests : IDisposable
{
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();
    private readonly Dictionary<string, string?> _env = new();
    private readonly string _home = Directory.CreateTempSubdirectory("snapshotps-endpoints").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string? Env(string name) => _env.TryGetValue(name, out var value) ? value : null;

    private void Connect(ConnectProviderRequest request) =>
        new ConnectProviderOperation(_registry, _context, () => new ScalewayProfileLoader(Env, _home), () => new OutscaleProfileLoader(Env, _home)).Process(request);

    private static ConnectProviderRequest Scaleway(string endpoint, bool allowUnencrypted = false, bool skipCertificateCheck = false) => new()
    {
        Provider = CloudProvider.Scaleway,
        SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
        ProjectId = ScalewayFake.DefaultProjectId,
        Endpoint = new Uri(endpoint),
        AllowUnencryptedEndpoint = allowUnencrypted,
        SkipCertificateCheck = skipCertificateCheck,
    };

    private void AssertRefused(string parameter, string rule)
    {
        var error = Assert.Single(_context.Errors);
        Assert.Equal("ConnectSnapshotProviderInvalidArgument", error.ErrorId);
        Assert.Equal(parameter, ((ArgumentException)error.Exception).ParamName);
        Assert.Contains(rule, error.Exception.Message);
        Assert.Empty(_registry.All());
    }

    [Theory]
    [InlineData("http://api.example.com/")]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("http://10.0.0.8:8080/scaleway/")]
    [InlineData("http://127.0.0.1.example.com/")]
    public void PlainHttpToAnotherHostIsRefused(string endpoint)
    {
        Connect(Scaleway(endpoint));
        AssertRefused("Endpoint", "-AllowUnencryptedEndpoint");
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("file:///tmp/scaleway")]
    [InlineData("ws://localhost/")]
    public void SchemesOtherThanHttpAndHttpsAreRefusedEvenWhenAllowed(string endpoint)
    {
        Connect(Scaleway(endpoint, allowUnencrypted: true));
        AssertRefused("Endpoint", "not supported");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/scaleway/")]
    [InlineData("http://127.8.9.10:5080/scaleway/")]
    [InlineData("http://[::1]:5080/scaleway/")]
    [InlineData("http://localhost:5080/scaleway/")]
    [InlineData("https://api.example.com/")]
    public void HttpsAnywhereAndHttpToLoopbackAreAcceptedWithoutWarning(string endpoint)
    {
        Connect(Scaleway(endpoint));
        Assert.Empty(_context.Errors);
        Assert.Empty(_context.Warnings);
        Assert.Single(_registry.All());
    }

    [Fact]
    public void PlainHttpToAnotherHostIsAcceptedByNameWithOneWarning()
    {
        Connect(Scaleway("http://169.254.169.254/", allowUnencrypted: true));

        Assert.Empty(_context.Errors);
        var warning = Assert.Single(_context.Warnings);
        Assert.Contains("169.254.169.254", warning);
        Assert.Contains("unencrypted", warning);
        Assert.DoesNotContain(ScalewayFake.DefaultSecretKey, _context.AllText());
    }

    [Fact]
    public void SkippingTheCertificateCheckIsWarnedAbout()
    {
        Connect(Scaleway("https://lab.example.com/", skipCertificateCheck: true));

        Assert.Empty(_context.Errors);
        Assert.Contains("-SkipCertificateCheck", Assert.Single(_context.Warnings));
    }

    [Fact]
    public void AnHttpEndpointFromScwApiUrlFollowsTheSameRule()
    {
        _env["SCW_SECRET_KEY"] = ScalewayFake.DefaultSecretKey;
        _env["SCW_DEFAULT_PROJECT_ID"] = ScalewayFake.DefaultProjectId;
        _env["SCW_API_URL"] = "http://scaleway.example.com/";

        Connect(new ConnectProviderRequest { Provider = CloudProvider.Scaleway, FromConfiguration = true });

        AssertRefused("Endpoint", "scaleway.example.com");
    }

    [Fact]
    public void AnHttpEndpointFromOscEndpointApiFollowsTheSameRule()
    {
        _env["OSC_ACCESS_KEY"] = OutscaleFake.DefaultAccessKey;
        _env["OSC_SECRET_KEY"] = OutscaleFake.DefaultSecretKey;
        _env["OSC_ENDPOINT_API"] = "http://api.eu-west-2.outscale.com/api/v1";

        Connect(new ConnectProviderRequest { Provider = CloudProvider.Outscale, FromConfiguration = true });

        AssertRefused("Endpoint", "unencrypted");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    [InlineData(1000)]
    public void MaxRetriesOutOfRangeIsRefused(int retries)
    {
        var request = Scaleway("https://api.example.com/");
        Connect(new ConnectProviderRequest
        {
            Provider = request.Provider, SecretKey = request.SecretKey, ProjectId = request.ProjectId, Endpoint = request.Endpoint, MaxRetries = retries,
        });
        AssertRefused("MaxRetries", "0 to 10");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void APollIntervalOfZeroOrLessIsRefused(int seconds)
    {
        var request = Scaleway("https://api.example.com/");
        Connect(new ConnectProviderRequest
        {
            Provider = request.Provider, SecretKey = request.SecretKey, ProjectId = request.ProjectId, Endpoint = request.Endpoint,
            PollInterval = TimeSpan.FromSeconds(seconds),
        });
        AssertRefused("PollInterval", "more than zero");
    }
}
