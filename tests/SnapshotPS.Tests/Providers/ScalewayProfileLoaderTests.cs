using SnapshotPS.Core.Providers.Scaleway;

namespace SnapshotPS.Tests.Providers;

public class ScalewayProfileLoaderTests : IDisposable
{
    private const string DefaultKey = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    private const string WorkKey = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
    private const string EnvKey = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
    private readonly string _home = Directory.CreateTempSubdirectory("snapshotps-home").FullName;
    private readonly Dictionary<string, string?> _env = new();

    public ScalewayProfileLoaderTests()
    {
        var dir = Path.Combine(_home, ".config", "scw");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "config.yaml"), $"""
            access_key: SCWDEFAULT0000000000
            secret_key: {DefaultKey}
            default_project_id: 11111111-0000-4000-8000-000000000001
            default_region: nl-ams
            active_profile: work
            profiles:
              work:
                secret_key: {WorkKey}
                default_zone: pl-waw-2
              other:
                default_project_id: 11111111-0000-4000-8000-000000000009
            """);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private ScalewayProfileLoader Loader() => new(name => _env.TryGetValue(name, out var v) ? v : null, _home);

    [Fact]
    public void TheActiveProfileOverlaysTheDefaultProfile()
    {
        var settings = Loader().Load(null);
        Assert.True(settings.SecretKey!.RevealsAs(WorkKey));
        Assert.Equal("pl-waw-2", settings.Zone);
        Assert.Equal("11111111-0000-4000-8000-000000000001", settings.ProjectId);
        Assert.Equal("SCWDEFAULT0000000000", settings.AccessKey);
        Assert.Contains("profile 'work'", settings.Source);
    }

    [Fact]
    public void ANamedProfileWinsOverTheActiveOneAndARegionGivesItsFirstZone()
    {
        var settings = Loader().Load("other");
        Assert.True(settings.SecretKey!.RevealsAs(DefaultKey));
        Assert.Equal("nl-ams-1", settings.Zone);
        Assert.Equal("11111111-0000-4000-8000-000000000009", settings.ProjectId);
    }

    [Fact]
    public void ScwProfileChoosesTheProfileWhenNoneIsNamed()
    {
        _env["SCW_PROFILE"] = "other";
        Assert.Equal("11111111-0000-4000-8000-000000000009", Loader().Load(null).ProjectId);
    }

    [Fact]
    public void EnvironmentVariablesOverrideEveryProfile()
    {
        _env["SCW_SECRET_KEY"] = EnvKey;
        _env["SCW_DEFAULT_ZONE"] = "fr-par-2";
        _env["SCW_API_URL"] = "http://127.0.0.1:5080/scaleway";
        var settings = Loader().Load(null);
        Assert.True(settings.SecretKey!.RevealsAs(EnvKey));
        Assert.Equal("fr-par-2", settings.Zone);
        Assert.Equal(new Uri("http://127.0.0.1:5080/scaleway"), settings.Endpoint);
        Assert.Contains("SCW_* environment", settings.Source);
    }

    [Fact]
    public void ScwConfigPathPointsAtAnotherFile()
    {
        var custom = Path.Combine(_home, "custom.yaml");
        File.WriteAllText(custom, $"secret_key: {EnvKey}\ndefault_project_id: 11111111-0000-4000-8000-000000000005\n");
        _env["SCW_CONFIG_PATH"] = custom;
        var settings = Loader().Load(null);
        Assert.True(settings.SecretKey!.RevealsAs(EnvKey));
        Assert.Equal("fr-par-1", settings.Zone);
    }

    [Fact]
    public void AnUnknownProfileIsNamedWithTheProfilesThereAre()
    {
        var failure = Assert.ThrowsAny<ArgumentException>(() => Loader().Load("nope"));
        Assert.Equal("Profile", failure.ParamName);
        Assert.Contains("other, work", failure.Message);
    }

    [Fact]
    public void WithoutAConfigFileTheEnvironmentAloneIsEnough()
    {
        _env["XDG_CONFIG_HOME"] = Path.Combine(_home, "empty");
        _env["SCW_SECRET_KEY"] = EnvKey;
        _env["SCW_DEFAULT_PROJECT_ID"] = "11111111-0000-4000-8000-000000000007";
        var settings = Loader().Load(null);
        Assert.True(settings.SecretKey!.RevealsAs(EnvKey));
        Assert.Equal("11111111-0000-4000-8000-000000000007", settings.ProjectId);
        Assert.Equal("SCW_* environment", settings.Source);
        settings.Validate();
    }

    [Fact]
    public void AMalformedConfigFileIsReportedWithoutItsContent()
    {
        var custom = Path.Combine(_home, "broken.yaml");
        File.WriteAllText(custom, $"secret_key: {EnvKey}\n  : : [\n");
        _env["SCW_CONFIG_PATH"] = custom;
        var failure = Assert.Throws<InvalidDataException>(() => Loader().Load(null));
        Assert.DoesNotContain(EnvKey, failure.Message);
    }
}
