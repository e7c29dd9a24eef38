using System.Collections;
using System.Text.RegularExpressions;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>-Debug shows each call's request and response bodies with every kind of secret redacted; -Verbose lines carry the provider's request id.</summary>
public sealed partial class DebugBodyTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const string BucketSecret = "BUCKETSECRETKEY0000000000000000000000042";
    private const string UrlSignature = "5ec7e75167a7ure0f0a9e5e1ec7ed0000000000000000000000000000000042";

    [GeneratedRegex(@"^(?:GET|POST|PUT|PATCH|DELETE) (?<url>http://\S+) -> \d{3} .* in \d+ ms(?: \(request id (?<id>[^)]+)\))?$")]
    private static partial Regex HttpLine();

    private static IReadOnlyList<string> DebugLines(ScriptResult result) => result.Streams.Debug.Select(d => d.Message).ToList();

    private static string Secure(string name) => $"(ConvertTo-SecureString ${name} -AsPlainText -Force)";

    [Fact]
    public void Debug_shows_the_request_and_response_bodies_of_a_call()
    {
        var id = fixture.Outscale.SeedSnapshots(1, description: "debug-body")[0];
        using var session = fixture.ConnectedSession();

        var result = session.Run("Get-CloudSnapshot -Connection outscale -Id $id -Debug", new Hashtable { ["id"] = id }).AssertSucceeded();

        var lines = DebugLines(result);
        Assert.Contains(lines, l => l.StartsWith("POST ", StringComparison.Ordinal) && l.Contains("request body: {", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("response body: {", StringComparison.Ordinal) && l.Contains("\"Snapshots\"", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_Debug_no_body_is_written()
    {
        var id = fixture.Outscale.SeedSnapshots(1)[0];
        using var session = fixture.ConnectedSession();

        var result = session.Run("Get-CloudSnapshot -Connection outscale -Id $id -Verbose", new Hashtable { ["id"] = id }).AssertSucceeded();

        Assert.Empty(result.Streams.Debug);
        Assert.NotEmpty(result.Streams.Verbose);
    }

    [Fact]
    public void Keystone_password_and_application_credential_secret_are_redacted_from_the_bodies_shown()
    {
        using var session = fixture.NewSession();
        var variables = new Hashtable
        {
            ["auth"] = fixture.Emulator.OpenStackAuthUrl, ["password"] = OpenStackFake.DemoPassword,
            ["appId"] = OpenStackFake.DemoApplicationCredentialId, ["appSecret"] = OpenStackFake.DemoApplicationCredentialSecret,
        };

        var result = session.Run($"""
            Connect-SnapshotProvider OpenStack -Name pw -Endpoint $auth -Credential ([pscredential]::new('demo', {Secure("password")})) -UserDomain Default -ProjectName demo -ProjectDomain Default -Region RegionOne -Debug
            Connect-SnapshotProvider OpenStack -Name app -Endpoint $auth -ApplicationCredentialId $appId -SecretKey {Secure("appSecret")} -Region RegionOne -Debug
            Get-CloudSnapshot -Connection pw -First 1 -Debug
            Get-CloudSnapshot -Connection app -First 1 -Debug
            """, variables).AssertSucceeded();

        var lines = DebugLines(result);
        Assert.Contains(lines, l => l.Contains("\"password\":\"***\"", StringComparison.Ordinal) && l.Contains("\"name\":\"demo\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"secret\":\"***\"", StringComparison.Ordinal) && l.Contains("application_credential", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("response body: {\"snapshots\"", StringComparison.Ordinal));
        SecretScan.AssertAbsent(result, OpenStackFake.DemoPassword, OpenStackFake.DemoApplicationCredentialSecret);
    }

    [Fact]
    public void The_bucket_secret_key_of_an_Outscale_export_is_redacted()
    {
        var id = fixture.Outscale.SeedSnapshots(1)[0];
        using var session = fixture.ConnectedSession();

        var result = session.Run($"""
            Export-CloudSnapshot -Connection outscale -Id $id -Bucket exports -BucketCredential ([pscredential]::new('AKBUCKET', {Secure("bucketSecret")})) -Confirm:$false -Debug
            """, new Hashtable { ["id"] = id, ["bucketSecret"] = BucketSecret }).AssertSucceeded();

        Assert.Contains(DebugLines(result), l => l.Contains("\"OsuApiKey\":{", StringComparison.Ordinal) && l.Contains("\"SecretKey\":\"***\"", StringComparison.Ordinal));
        SecretScan.AssertAbsent(result, BucketSecret);
    }

    [Fact]
    public void The_signature_and_credential_of_a_pre_signed_import_URL_are_redacted()
    {
        using var session = fixture.ConnectedSession();
        var url = "https://bucket.example.test/images/disk.qcow2?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIMPORTKEY%2F20261204%2Feu-west-2%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20261204T170000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=" + UrlSignature;

        var result = session.Run("New-CloudSnapshot -Connection outscale -ImportUri $url -SizeBytes 10GB -Name debug-import -Confirm:$false -Debug -ErrorAction SilentlyContinue",
            new Hashtable { ["url"] = url });

        Assert.Contains(DebugLines(result), l => l.Contains("request body:", StringComparison.Ordinal)
            && l.Contains("X-Amz-Signature=***", StringComparison.Ordinal) && l.Contains("X-Amz-Credential=***", StringComparison.Ordinal));
        SecretScan.AssertAbsent(result, UrlSignature, "AKIMPORTKEY");
    }

    [Fact]
    public void No_token_or_key_of_any_of_the_five_clouds_shows_under_Debug()
    {
        fixture.Emulator.Koyeb.SeedSnapshots(1, "debug-kyb-");
        fixture.Emulator.CloudMC.SeedSnapshots(fixture.Emulator.CloudMC.AddVolume(), 1, "debug-cmc-");
        using var session = fixture.NewSession();
        var variables = new Hashtable
        {
            ["scw"] = fixture.Emulator.ScalewayEndpoint, ["scwProject"] = ScalewayFake.DefaultProjectId, ["scwSecret"] = ScalewayFake.DefaultSecretKey,
            ["osc"] = fixture.Emulator.OutscaleEndpoint, ["oscAccess"] = OutscaleFake.DefaultAccessKey, ["oscSecret"] = OutscaleFake.DefaultSecretKey,
            ["koyeb"] = fixture.Emulator.KoyebEndpoint, ["koyebToken"] = KoyebFake.DefaultToken,
            ["cloudmc"] = fixture.Emulator.CloudMCEndpoint, ["cloudmcKey"] = CloudMCFake.DefaultApiKey, ["cloudmcEnvironment"] = CloudMCFake.DefaultEnvironment,
            ["keystone"] = fixture.Emulator.OpenStackAuthUrl, ["password"] = OpenStackFake.DemoPassword,
        };

        var result = session.Run($"""
            $DebugPreference = 'Continue'
            Connect-SnapshotProvider -Provider Scaleway -Name scaleway -Endpoint $scw -ProjectId $scwProject -Zone fr-par-1 -SecretKey {Secure("scwSecret")} -ErrorAction Stop | Out-Null
            Connect-SnapshotProvider -Provider Outscale -Name outscale -Endpoint $osc -Region eu-west-2 -AccessKey $oscAccess -SecretKey {Secure("oscSecret")} -ErrorAction Stop | Out-Null
            Connect-SnapshotProvider -Provider Koyeb -Name koyeb -Endpoint $koyeb -SecretKey {Secure("koyebToken")} -ErrorAction Stop | Out-Null
            Connect-SnapshotProvider -Provider CloudMC -Name cloudmc -Endpoint $cloudmc -SecretKey {Secure("cloudmcKey")} -Environment $cloudmcEnvironment -ErrorAction Stop | Out-Null
            Connect-SnapshotProvider -Provider OpenStack -Name openstack -Endpoint $keystone -UserDomain Default -ProjectName demo -ProjectDomain Default -Region RegionOne -Credential ([pscredential]::new('demo', {Secure("password")})) -ErrorAction Stop | Out-Null
            Get-CloudSnapshot -AllConnections -Verbose
            """, variables).AssertSucceeded();

        var bodies = DebugLines(result).Where(l => l.Contains(" response body: ", StringComparison.Ordinal)).ToList();
        foreach (var provider in new[] { "/scaleway/", "/outscale/", "/koyeb/", "/cloudmc/", "/openstack/" })
        {
            Assert.Contains(bodies, l => l.Contains(provider, StringComparison.Ordinal));
        }
        SecretScan.AssertAbsent(result, ScalewayFake.DefaultSecretKey, OutscaleFake.DefaultSecretKey, KoyebFake.DefaultToken, CloudMCFake.DefaultApiKey, OpenStackFake.DemoPassword);
    }

    [Fact]
    public void Every_verbose_HTTP_line_to_Outscale_Scaleway_and_OpenStack_carries_the_request_id_of_its_answer()
    {
        var outscaleId = fixture.Outscale.SeedSnapshots(1)[0];
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, namePrefix: "request-id-");
        using var session = fixture.ConnectedSession();
        session.Run($"""
            Connect-SnapshotProvider OpenStack -Name openstack -Endpoint $auth -Credential ([pscredential]::new('demo', {Secure("password")})) -UserDomain Default -ProjectName demo -ProjectDomain Default -Region RegionOne -ErrorAction Stop
            """, new Hashtable { ["auth"] = fixture.Emulator.OpenStackAuthUrl, ["password"] = OpenStackFake.DemoPassword }).AssertSucceeded();

        var result = session.Run("""
            Get-CloudSnapshot -Connection outscale -Id $outscaleId -Verbose
            Get-CloudSnapshot -Connection outscale -Id snap-00000000 -Verbose
            Get-CloudSnapshot -Connection scaleway -Name request-id-* -Verbose
            Get-CloudSnapshot -Connection openstack -Verbose
            """, new Hashtable { ["outscaleId"] = outscaleId });

        var lines = result.Streams.Verbose.Select(v => HttpLine().Match(v.Message)).Where(m => m.Success).ToList();
        foreach (var provider in new[] { "/outscale/", "/scaleway/", "/openstack/" })
        {
            var ofProvider = lines.Where(m => m.Groups["url"].Value.Contains(provider, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(ofProvider);
            Assert.All(ofProvider, m => Assert.True(m.Groups["id"].Success, $"no request id in: {m.Value}"));
        }
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.Contains("NotFound", StringComparison.Ordinal));
    }
}
