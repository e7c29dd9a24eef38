using System.Collections;
using System.Management.Automation;
using System.Security;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// The README's "Keys in a vault" commands, verbatim, for all five clouds: Connect-SnapshotProvider takes what
/// SecretManagement's Get-Secret returns (a PSCredential to -Credential, a SecureString to -SecretKey). Get-Secret
/// here is a stand-in returning objects of those types, so the test needs no vault module installed.
/// </summary>
public sealed class SecretVaultTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    [Fact]
    public void What_Get_Secret_returns_connects_each_of_the_five_clouds_and_no_key_shows()
    {
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, namePrefix: "vault-");
        var vault = new Hashtable
        {
            ["scaleway-prod"] = new PSCredential(ScalewayFake.DefaultAccessKey, Secure(ScalewayFake.DefaultSecretKey)),
            ["outscale-prod"] = new PSCredential(OutscaleFake.DefaultAccessKey, Secure(OutscaleFake.DefaultSecretKey)),
            ["openstack-prod"] = new PSCredential(OpenStackFake.DemoUserName, Secure(OpenStackFake.DemoPassword)),
            ["koyeb-token"] = Secure(KoyebFake.DefaultToken),
            ["cloudmc-key"] = Secure(CloudMCFake.DefaultApiKey),
        };
        using var session = fixture.NewSession();
        var variables = new Hashtable
        {
            ["vault"] = vault,
            ["scw"] = fixture.Emulator.ScalewayEndpoint, ["project"] = ScalewayFake.DefaultProjectId,
            ["osc"] = fixture.Emulator.OutscaleEndpoint, ["keystone"] = fixture.Emulator.OpenStackAuthUrl,
            ["koyeb"] = fixture.Emulator.KoyebEndpoint, ["cloudmc"] = fixture.Emulator.CloudMCEndpoint,
            ["environment"] = CloudMCFake.DefaultEnvironment,
        };

        var result = session.Run("""
            function Get-Secret([Parameter(Mandatory, Position = 0)] [string] $Name, [string] $Vault) { $script:vault[$Name] }
            $script:vault = $vault
            Connect-SnapshotProvider -Provider Scaleway -Credential (Get-Secret scaleway-prod) -Zone fr-par-1 -Endpoint $scw -ProjectId $project -ErrorAction Stop | Out-Null
            Connect-SnapshotProvider -Provider Outscale -Credential (Get-Secret outscale-prod) -Region eu-west-2 -Endpoint $osc -ErrorAction Stop | Out-Null
            Connect-SnapshotProvider -Provider OpenStack -Credential (Get-Secret openstack-prod) -Endpoint $keystone `
                -UserDomain Default -ProjectName demo -ProjectDomain Default -Region RegionOne -ErrorAction Stop | Out-Null
            Connect-SnapshotProvider -Provider Koyeb -SecretKey (Get-Secret koyeb-token) -Endpoint $koyeb -ErrorAction Stop | Out-Null
            Connect-SnapshotProvider -Provider CloudMC -SecretKey (Get-Secret cloudmc-key) -Environment $environment -Endpoint $cloudmc -ErrorAction Stop | Out-Null
            foreach ($connection in Get-SnapshotProvider) { Get-CloudSnapshot -Connection $connection.Name -First 1 -ErrorAction Stop | Out-Null }
            (Get-SnapshotProvider | ForEach-Object { "$($_.Provider)" } | Sort-Object) -join ','
            Get-SnapshotProvider | Format-List * | Out-String
            """, variables).AssertSucceeded();

        Assert.Equal("CloudMC,Koyeb,OpenStack,Outscale,Scaleway", result.Output[0].BaseObject);
        SecretScan.AssertAbsent(result, ScalewayFake.DefaultSecretKey, OutscaleFake.DefaultSecretKey, OpenStackFake.DemoPassword, KoyebFake.DefaultToken, CloudMCFake.DefaultApiKey);
    }
}
