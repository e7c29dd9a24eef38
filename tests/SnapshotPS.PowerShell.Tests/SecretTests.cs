using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// The secrets used to connect, right and wrong, appear in no stream, no $Error entry and no JSON
/// of anything the module returns, even when the calls fail on authentication.
/// </summary>
public sealed class SecretTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const string WrongScalewaySecret = "33333333-3333-4333-8333-333333333333";
    private const string WrongOutscaleSecret = "SKWRONG000000000000000000000000000000042";

    private static readonly string[] Secrets = [ScalewayFake.DefaultSecretKey, OutscaleFake.DefaultSecretKey, WrongScalewaySecret, WrongOutscaleSecret];

    // Everything the module hands back, collected in $returned; every preference on so that every stream fills.
    private const string Workload = """
        $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'; $ProgressPreference = 'Continue'
        $returned = [System.Collections.Generic.List[object]]::new()
        function Keep { process { $returned.Add($_); $_ } }
        function Secret($text) { ConvertTo-SecureString $text -AsPlainText -Force }
        Connect-SnapshotProvider -Provider Scaleway -Name scaleway -Endpoint $scwEndpoint -Zone fr-par-1 -ProjectId $project -SecretKey (Secret $scwSecret) -PassThru -Debug | Keep
        Connect-SnapshotProvider -Provider Outscale -Name outscale -Endpoint $oscEndpoint -Region eu-west-2 -AccessKey $oscAccess -SecretKey (Secret $oscSecret) -PassThru -Debug | Keep
        Get-SnapshotProvider | Keep
        Get-CloudSnapshot -Connection scaleway -Debug | Keep
        New-CloudSnapshot -VolumeId $volume -Name secret-new -Wait -Debug | Keep
        Get-CloudSnapshot -Connection outscale -Id $oscSnapshot -Debug | Keep
        Grant-CloudSnapshotPermission -Connection outscale -Id $oscSnapshot -AccountId 210987654321 -PassThru -Debug | Keep
        Export-CloudSnapshot -Connection outscale -Id $oscSnapshot -Bucket secret-bucket -Debug | Keep
        Get-CloudSnapshotExportTask -Connection outscale | Keep
        Connect-SnapshotProvider -Provider Scaleway -Name wrong-scw -Endpoint $scwEndpoint -Zone fr-par-1 -ProjectId $project -SecretKey (Secret $wrongScw) -PassThru | Keep
        Connect-SnapshotProvider -Provider Outscale -Name wrong-osc -Endpoint $oscEndpoint -Region eu-west-2 -AccessKey AKWRONGKEY0000000042 -SecretKey (Secret $wrongOsc) -PassThru | Keep
        Get-CloudSnapshot -Connection wrong-scw -Debug | Keep
        Get-CloudSnapshot -Connection wrong-osc -Debug | Keep
        Remove-CloudSnapshot -Connection wrong-scw -Id $project -Force -Debug
        """;

    [Fact]
    public void No_secret_appears_in_any_stream_of_successful_and_failing_calls()
    {
        using var session = fixture.NewSession();

        var result = session.Run(Workload, Variables());

        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("GetCloudSnapshotUnauthenticated,", StringComparison.Ordinal));
        Assert.NotEmpty(result.Streams.Verbose);
        Assert.NotEmpty(result.Streams.Progress);
        SecretScan.AssertAbsent(result, Secrets);
    }

    [Fact]
    public void No_secret_appears_in_the_formatted_Error_variable()
    {
        using var session = fixture.NewSession();
        session.Run(Workload, Variables());

        var formatted = session.Run("$Error.Count; $Error | Format-List * -Force | Out-String -Width 300").AssertSucceeded();

        Assert.True((int)formatted.Output[0].BaseObject >= 3, "the workload's failures should be in $Error");
        var text = string.Concat(formatted.Output.Skip(1).Select(o => o.ToString()));
        Assert.Contains("Unauthenticated", text, StringComparison.Ordinal);
        foreach (var secret in Secrets) Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_secret_appears_in_the_JSON_of_anything_the_module_returns()
    {
        using var session = fixture.NewSession();
        session.Run(Workload, Variables());

        // An ErrorRecord's own members that reflect over .NET and PowerShell types (the exception's
        // TargetSite, the InvocationInfo's command) are left out: at depth 10 they walk whole assemblies.
        var json = session.Run("""
            $returned | ForEach-Object { $_.GetType().Name + ' ' + ($_ | ConvertTo-Json -Depth 10 -Compress -WarningAction SilentlyContinue) }
            foreach ($record in $Error) {
                $record | Select-Object FullyQualifiedErrorId, CategoryInfo, TargetObject, ErrorDetails | ConvertTo-Json -Depth 10 -Compress -WarningAction SilentlyContinue
                for ($e = $record.Exception; $e; $e = $e.InnerException) {
                    $e | Select-Object * -ExcludeProperty TargetSite, InnerException | ConvertTo-Json -Depth 10 -Compress -WarningAction SilentlyContinue
                }
            }
            """).AssertSucceeded();

        var texts = json.Output.Select(o => o.ToString()).ToList();
        foreach (var kind in new[] { "SnapshotConnection", "CloudSnapshot", "SnapshotExportTask" })
            Assert.Contains(texts, t => t.StartsWith(kind + " {", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Unauthenticated", StringComparison.Ordinal));
        foreach (var text in texts)
            foreach (var secret in Secrets) Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"A secret appears in: {text}");
    }

    private Hashtable Variables() => new()
    {
        ["scwEndpoint"] = fixture.Emulator.ScalewayEndpoint, ["oscEndpoint"] = fixture.Emulator.OutscaleEndpoint,
        ["project"] = ScalewayFake.DefaultProjectId, ["scwSecret"] = ScalewayFake.DefaultSecretKey,
        ["oscAccess"] = OutscaleFake.DefaultAccessKey, ["oscSecret"] = OutscaleFake.DefaultSecretKey,
        ["wrongScw"] = WrongScalewaySecret, ["wrongOsc"] = WrongOutscaleSecret,
        ["volume"] = fixture.Scaleway.AddInstanceVolume("fr-par-1", "secret-volume", 10_000_000_000),
        ["oscSnapshot"] = fixture.Outscale.SeedSnapshots(1)[0],
    };
}
