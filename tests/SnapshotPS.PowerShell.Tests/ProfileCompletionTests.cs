using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// -Profile (-Cloud) of Connect-SnapshotProvider completes, through TabExpansion2 in the real
/// PowerShell, the names in the configuration file of the provider at hand: scw's config.yaml,
/// osc's config.json, clouds.yaml. The files are found through SCW_CONFIG_PATH, HOME and
/// OS_CLIENT_CONFIG_FILE, which are process-wide, so this class runs alone.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ProfileCompletionTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>, IDisposable
{
    private static readonly string[] Variables = ["SCW_CONFIG_PATH", "HOME", "OS_CLIENT_CONFIG_FILE", "XDG_CONFIG_HOME"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly string _folder = Directory.CreateTempSubdirectory("snapshotps-profiles-").FullName;

    [Fact]
    public void Scaleway_completes_the_profiles_of_the_scw_config_file()
    {
        WriteScw();
        using var session = fixture.NewSession();

        Assert.Equal(["default", "dev", "prod-ams"], Complete(session, "Connect-SnapshotProvider -Provider Scaleway -Profile "));
        Assert.Equal(["prod-ams"], Complete(session, "Connect-SnapshotProvider -Provider Scaleway -Profile pro"));
    }

    [Fact]
    public void Outscale_completes_the_profiles_of_the_osc_config_file()
    {
        WriteScw();
        WriteOsc();
        using var session = fixture.NewSession();

        Assert.Equal(["default", "eu-prod", "us-test"], Complete(session, "Connect-SnapshotProvider -Provider Outscale -Profile "));
        Assert.Equal(["us-test"], Complete(session, "Connect-SnapshotProvider Outscale -Profile us"));
    }

    [Fact]
    public void OpenStack_completes_clouds_yaml_cloud_names_on_Cloud_and_Profile()
    {
        WriteScw();
        WriteOsc();
        WriteClouds();
        using var session = fixture.NewSession();

        Assert.Equal(["devstack", "prod cloud"], Complete(session, "Connect-SnapshotProvider -Provider OpenStack -Cloud ").Select(Unquoted));
        Assert.Equal(["'prod cloud'"], Complete(session, "Connect-SnapshotProvider -Provider OpenStack -Profile pr"));
    }

    [Fact]
    public void A_missing_or_malformed_file_offers_nothing_and_no_error()
    {
        Environment.SetEnvironmentVariable("SCW_CONFIG_PATH", Path.Combine(_folder, "absent.yaml"));
        Environment.SetEnvironmentVariable("HOME", _folder);
        File.WriteAllText(Path.Combine(_folder, "clouds.yaml"), "clouds: [unclosed");
        Environment.SetEnvironmentVariable("OS_CLIENT_CONFIG_FILE", Path.Combine(_folder, "clouds.yaml"));
        using var session = fixture.NewSession();

        Assert.Empty(Complete(session, "Connect-SnapshotProvider -Provider Scaleway -Profile "));
        Assert.Empty(Complete(session, "Connect-SnapshotProvider -Provider Outscale -Profile "));
        Assert.Empty(Complete(session, "Connect-SnapshotProvider -Provider OpenStack -Cloud "));
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        Directory.Delete(_folder, recursive: true);
    }

    private void WriteScw()
    {
        var path = Path.Combine(_folder, "scw.yaml");
        File.WriteAllText(path, """
            secret_key: 11111111-1111-4111-8111-111111111111
            default_zone: fr-par-1
            active_profile: dev
            profiles:
              dev:
                default_zone: fr-par-2
              prod-ams:
                default_zone: nl-ams-1
            """);
        Environment.SetEnvironmentVariable("SCW_CONFIG_PATH", path);
    }

    private void WriteOsc()
    {
        Directory.CreateDirectory(Path.Combine(_folder, ".osc"));
        File.WriteAllText(Path.Combine(_folder, ".osc", "config.json"), """
            { "default": { "region": "eu-west-2" }, "eu-prod": { "region": "eu-west-2" }, "us-test": { "region": "us-east-2" } }
            """);
        Environment.SetEnvironmentVariable("HOME", _folder);
    }

    private void WriteClouds()
    {
        var path = Path.Combine(_folder, "clouds.yaml");
        File.WriteAllText(path, """
            clouds:
              devstack:
                auth:
                  auth_url: http://127.0.0.1/identity/v3
              prod cloud:
                region_name: RegionOne
            """);
        Environment.SetEnvironmentVariable("OS_CLIENT_CONFIG_FILE", path);
    }

    private static List<string> Complete(PowerShellSession session, string input) =>
        session.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText", new Hashtable { ["line"] = input })
            .AssertSucceeded().OutputOf<string>().ToList();

    private static string Unquoted(string text) => text.Trim('\'');
}
