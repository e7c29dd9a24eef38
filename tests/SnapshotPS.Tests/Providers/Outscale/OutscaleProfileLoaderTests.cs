using SnapshotPS.Core.Providers.Outscale;

namespace SnapshotPS.Tests.Providers.Outscale;

public class OutscaleProfileLoaderTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("snapshotps-osc").FullName;
    private readonly Dictionary<string, string?> _env = new();

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private OutscaleProfileLoader Loader() => new(n => _env.TryGetValue(n, out var v) ? v : null, _home);

    private void Write(string folder, string json)
    {
        Directory.CreateDirectory(Path.Combine(_home, folder));
        File.WriteAllText(Path.Combine(_home, folder, "config.json"), json);
    }

    [Fact]
    public void ReadsTheDefaultProfileOfOscConfigJson()
    {
        Write(".osc", """{"default": {"access_key": "AKDEFAULT", "secret_key": "SKDEFAULT", "region": "us-east-2"}, "other": {"access_key": "AKOTHER", "secret_key": "SKOTHER"}}""");
        var settings = Loader().Load(null);
        Assert.Equal("AKDEFAULT", settings.AccessKey);
        Assert.True(settings.SecretKey!.RevealsAs("SKDEFAULT"));
        Assert.Equal("us-east-2", settings.Region);
        Assert.Contains("osc profile 'default'", settings.Source);
    }

    [Fact]
    public void OscProfileAndANamedProfileChooseAnother()
    {
        Write(".osc", """{"default": {"access_key": "AKDEFAULT", "secret_key": "S"}, "other": {"access_key": "AKOTHER", "secret_key": "S"}, "third": {"access_key": "AKTHIRD", "secret_key": "S"}}""");
        _env["OSC_PROFILE"] = "other";
        Assert.Equal("AKOTHER", Loader().Load(null).AccessKey);
        Assert.Equal("AKTHIRD", Loader().Load("third").AccessKey);
    }

    [Fact]
    public void ReadsTheOlderOscSdkFileWithRegionName()
    {
        Write(".osc_sdk", """{"default": {"access_key": "AKOLD", "secret_key": "SKOLD", "host": "outscale.com", "https": true, "region_name": "cloudgouv-eu-west-1"}}""");
        var settings = Loader().Load(null);
        Assert.Equal("AKOLD", settings.AccessKey);
        Assert.Equal("cloudgouv-eu-west-1", settings.Region);
    }

    [Fact]
    public void TakesTheApiEndpointOfOapiCliProfiles()
    {
        Write(".osc", """{"default": {"access_key": "A", "secret_key": "S", "region": "eu-west-2", "protocol": "https", "endpoints": {"api": "api.eu-west-2.outscale.com/api/v1"}}}""");
        Assert.Equal(new Uri("https://api.eu-west-2.outscale.com/api/v1"), Loader().Load(null).Endpoint);
    }

    [Fact]
    public void EnvironmentVariablesOverrideTheProfile()
    {
        Write(".osc", """{"default": {"access_key": "AKFILE", "secret_key": "SKFILE", "region": "us-west-1"}}""");
        _env["OSC_ACCESS_KEY"] = "AKENV";
        _env["OSC_SECRET_KEY"] = "SKENV";
        _env["OSC_REGION"] = "ap-northeast-1";
        _env["OSC_ENDPOINT_API"] = "127.0.0.1:3000";
        var settings = Loader().Load(null);
        Assert.Equal("AKENV", settings.AccessKey);
        Assert.True(settings.SecretKey!.RevealsAs("SKENV"));
        Assert.Equal("ap-northeast-1", settings.Region);
        Assert.Equal(new Uri("https://127.0.0.1:3000"), settings.Endpoint);
        Assert.Contains("OSC_* environment", settings.Source);
    }

    [Fact]
    public void AnUnknownNamedProfileListsTheProfilesThereAre()
    {
        Write(".osc", """{"default": {}, "work": {}}""");
        var failure = Assert.ThrowsAny<ArgumentException>(() => Loader().Load("nope"));
        Assert.Equal("Profile", failure.ParamName);
        Assert.Contains("default, work", failure.Message);
    }

    [Fact]
    public void AProfileNamedByOscProfileThatIsMissingIsAnError()
    {
        Write(".osc", """{"default": {"access_key": "A", "secret_key": "S"}}""");
        _env["OSC_PROFILE"] = "typo";
        Assert.Equal("Profile", Assert.ThrowsAny<ArgumentException>(() => Loader().Load(null)).ParamName);
    }

    [Fact]
    public void AMalformedFileIsReportedWithoutItsContent()
    {
        Write(".osc", """{"default": {"secret_key": "SKLEAKED" """);
        var failure = Assert.Throws<InvalidDataException>(() => Loader().Load(null));
        Assert.DoesNotContain("SKLEAKED", failure.Message);
    }
}
