using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests.Koyeb;

/// <summary>Koyeb in a real PowerShell: no token in any stream, and one table with the other clouds.</summary>
public sealed class KoyebSessionTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const string WrongToken = "wrong-koyeb-token-4242424242424242424242424242424242424242424242";

    private const string Workload = """
        $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'; $ProgressPreference = 'Continue'
        $returned = [System.Collections.Generic.List[object]]::new()
        function Keep { process { $returned.Add($_); $_ } }
        function Secret($text) { ConvertTo-SecureString $text -AsPlainText -Force }
        Connect-SnapshotProvider -Provider Koyeb -Name koyeb -Endpoint $endpoint -SecretKey (Secret $token) -PassThru -Debug | Keep
        Connect-SnapshotProvider -Provider Koyeb -Name kcred -Endpoint $endpoint -Credential ([pscredential]::new('user', (Secret $token))) -PassThru | Keep
        Get-SnapshotProvider | Keep
        Get-CloudSnapshot -Connection koyeb -Debug | Keep
        $made = New-CloudSnapshot -Connection koyeb -VolumeId $volume -Name secret-new -Wait -Debug | Keep
        $made | Set-CloudSnapshot -Name secret-renamed -PassThru -Debug | Keep
        $made | Remove-CloudSnapshot -Force -Wait -Debug
        Connect-SnapshotProvider -Provider Koyeb -Name wrong -Endpoint $endpoint -SecretKey (Secret $wrongToken) -PassThru | Keep
        Get-CloudSnapshot -Connection wrong -Debug | Keep
        Remove-CloudSnapshot -Connection wrong -Id 8d3e2f41-6b7a-4c9d-8e15-3a2b1c0d9f87 -Force -Debug
        """;

    [Fact]
    public void No_token_appears_in_any_stream_error_or_request_log()
    {
        using var session = fixture.NewSession();

        var result = session.Run(Workload, Variables());

        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("GetCloudSnapshotUnauthenticated,", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("RemoveCloudSnapshotUnauthenticated,", StringComparison.Ordinal));
        Assert.NotEmpty(result.Streams.Verbose);
        SecretScan.AssertAbsent(result, KoyebFake.DefaultToken, WrongToken);
        var formatted = session.Run("$Error | Format-List * -Force | Out-String -Width 300; $returned | ConvertTo-Json -Depth 4 -Compress -WarningAction SilentlyContinue").AssertSucceeded();
        var text = string.Concat(formatted.Output.Select(o => o.ToString()));
        Assert.Contains("invalid or expired", text, StringComparison.Ordinal);
        Assert.DoesNotContain(KoyebFake.DefaultToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Requests.Snapshot(), r => (r.Body ?? "").Contains(KoyebFake.DefaultToken, StringComparison.Ordinal));
    }

    [Fact]
    public void AllConnections_lists_Koyeb_beside_Scaleway_in_one_table()
    {
        fixture.Emulator.Koyeb.SeedSnapshots(2, "table-koyeb-");
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 2, "table-scw-");
        using var session = fixture.ConnectedSession();
        session.Run("Connect-SnapshotProvider -Provider Koyeb -Endpoint $endpoint -SecretKey (ConvertTo-SecureString $token -AsPlainText -Force) -ErrorAction Stop",
            Variables()).AssertSucceeded();

        var result = session.Run("Get-CloudSnapshot -AllConnections -Name table-* | Format-Table -AutoSize | Out-String -Width 250").AssertSucceeded();

        var lines = string.Concat(result.Output.Select(o => o.ToString())).Split('\n');
        Assert.Single(lines, line => line.StartsWith("Name ", StringComparison.Ordinal) && line.Contains(" Connection ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("table-koyeb-001 ", StringComparison.Ordinal) && line.Contains(" koyeb ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("table-scw-001 ", StringComparison.Ordinal) && line.Contains(" scaleway ", StringComparison.Ordinal));
    }

    private Hashtable Variables() => new()
    {
        ["endpoint"] = fixture.Emulator.KoyebEndpoint, ["token"] = KoyebFake.DefaultToken, ["wrongToken"] = WrongToken,
        ["volume"] = fixture.Emulator.Koyeb.AddVolume("secret-volume"),
    };
}
