using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>The manifest and Tab completion offer exactly the providers the module serves, and each of them connects.</summary>
public sealed class AdvertisedProvidersTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private static readonly string[] Served = ["CloudMC", "Koyeb", "OpenStack", "Outscale", "Scaleway"];

    [Fact]
    public void Tab_completion_of_Provider_offers_the_five_served_providers_and_the_manifest_names_each()
    {
        using var session = fixture.NewSession();

        var completed = session.Complete("Connect-SnapshotProvider -Provider ");
        var manifest = session.Run("Import-PowerShellDataFile -Path $path", new Hashtable { ["path"] = ModuleLayout.ManifestPath }).AssertSucceeded().Output.Single();
        var description = (string)((Hashtable)manifest.BaseObject)["Description"]!;
        var tags = ((object[])((Hashtable)((Hashtable)((Hashtable)manifest.BaseObject)["PrivateData"]!)["PSData"]!)["Tags"]!).Cast<string>().ToList();

        Assert.Equal(Served, completed.Order());
        Assert.All(Served, provider => Assert.Contains(provider, tags));
        Assert.All(Served, provider => Assert.Contains(provider, description, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_provider_that_completes_connects_to_its_fake_and_lists()
    {
        using var session = fixture.NewSession();
        var variables = new Hashtable
        {
            ["scw"] = fixture.Emulator.ScalewayEndpoint, ["scwProject"] = ScalewayFake.DefaultProjectId, ["scwSecret"] = ScalewayFake.DefaultSecretKey,
            ["osc"] = fixture.Emulator.OutscaleEndpoint, ["oscAccess"] = OutscaleFake.DefaultAccessKey, ["oscSecret"] = OutscaleFake.DefaultSecretKey,
            ["koyeb"] = fixture.Emulator.KoyebEndpoint, ["koyebToken"] = KoyebFake.DefaultToken,
            ["cloudmc"] = fixture.Emulator.CloudMCEndpoint, ["cloudmcKey"] = CloudMCFake.DefaultApiKey, ["cloudmcEnvironment"] = CloudMCFake.DefaultEnvironment,
            ["keystone"] = fixture.Emulator.OpenStackAuthUrl, ["password"] = OpenStackFake.DemoPassword,
        };
        var connect = new Dictionary<string, string>
        {
            ["Scaleway"] = "-Endpoint $scw -ProjectId $scwProject -Zone fr-par-1 -SecretKey (Secret $scwSecret)",
            ["Outscale"] = "-Endpoint $osc -Region eu-west-2 -AccessKey $oscAccess -SecretKey (Secret $oscSecret)",
            ["Koyeb"] = "-Endpoint $koyeb -SecretKey (Secret $koyebToken)",
            ["CloudMC"] = "-Endpoint $cloudmc -SecretKey (Secret $cloudmcKey) -Environment $cloudmcEnvironment",
            ["OpenStack"] = "-Endpoint $keystone -UserDomain Default -ProjectName demo -ProjectDomain Default -Region RegionOne -Credential ([pscredential]::new('demo', (Secret $password)))",
        };

        foreach (var provider in session.Complete("Connect-SnapshotProvider -Provider "))
        {
            Assert.True(connect.ContainsKey(provider), $"{provider} is offered but this test does not know how to connect it");
            session.Run($$"""
                function Secret([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
                Connect-SnapshotProvider -Provider {{provider}} -Name {{provider}} {{connect[provider]}} -ErrorAction Stop | Out-Null
                Get-CloudSnapshot -Connection {{provider}} -First 1 -ErrorAction Stop | Out-Null
                """, variables).AssertSucceeded();
        }
        Assert.Equal(Served, session.Run("Get-SnapshotProvider | ForEach-Object Name").AssertSucceeded().Output.Select(o => (string)o.BaseObject).Order());
    }
}
