using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>One session connected to all five fake clouds: one listing, one table, one pipeline.</summary>
public sealed class FiveCloudsTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const string ConnectAll = """
        function Secret([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
        Connect-SnapshotProvider -Provider Koyeb -Name koyeb -Endpoint $koyeb -SecretKey (Secret $koyebToken) -ErrorAction Stop
        Connect-SnapshotProvider -Provider CloudMC -Name cloudmc -Endpoint $cloudmc -SecretKey (Secret $cloudmcKey) -Environment $cloudmcEnvironment -ErrorAction Stop
        Connect-SnapshotProvider -Provider OpenStack -Name openstack -Endpoint $keystone -UserDomain Default -ProjectName demo -ProjectDomain Default -Region RegionOne `
            -Credential ([pscredential]::new('demo', (Secret $openstackPassword))) -ErrorAction Stop
        """;

    [Fact]
    public void AllConnections_lists_the_snapshots_of_all_five_clouds_in_one_table()
    {
        var prefix = SeedOneSnapshotOnEachCloud("five-");
        using var session = ConnectAllFive();

        var listed = session.Run("Get-CloudSnapshot -AllConnections -Name $pattern", new Hashtable { ["pattern"] = prefix + "*" }).AssertSucceeded().Output;
        var table = session.Render(listed);

        Assert.Equal(["CloudMC", "Koyeb", "OpenStack", "Outscale", "Scaleway"], listed.Select(s => s.Properties["Provider"].Value.ToString()!).Order());
        RenderedView.AssertNothingTruncated(table);
        Assert.Single(table.Split('\n'), line => line.StartsWith("Name ", StringComparison.Ordinal));
        foreach (var snapshot in listed)
        {
            var row = RenderedView.LineWith(table, (string)snapshot.Properties["Id"].Value);
            Assert.Contains((string)snapshot.Properties["Connection"].Value, row, StringComparison.Ordinal);
            Assert.Contains(snapshot.Properties["State"].Value.ToString()!, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Export_Csv_of_all_five_clouds_writes_each_provider_record_as_its_json_not_a_type_name()
    {
        var prefix = SeedOneSnapshotOnEachCloud("csv-");
        using var session = ConnectAllFive();

        var variables = Variables();
        variables["pattern"] = prefix + "*";
        var csv = session.Run("Get-CloudSnapshot -AllConnections -Name $pattern | ConvertTo-Csv -NoTypeInformation", variables).AssertSucceeded().OutputOf<string>();
        var rows = session.Run("$csv | ConvertFrom-Csv", new Hashtable { ["csv"] = csv.ToArray() }).AssertSucceeded().Output;

        Assert.Equal(5, rows.Count);
        Assert.DoesNotContain(csv, line => line.Contains("SnapshotPS.Core", StringComparison.Ordinal));
        foreach (var row in rows)
        {
            var record = (string)row.Properties["ProviderObject"].Value;
            var id = (string)row.Properties["Id"].Value;
            using var json = System.Text.Json.JsonDocument.Parse(record);
            Assert.Contains(id, record, StringComparison.Ordinal);
        }
    }

    /// <summary>One snapshot on each fake cloud, named with a fresh prefix, which it returns.</summary>
    private string SeedOneSnapshotOnEachCloud(string kind)
    {
        var prefix = kind + Guid.NewGuid().ToString("N")[..6] + "-";
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, namePrefix: prefix + "scw-");
        fixture.Outscale.SeedSnapshots(1, tags: [new KeyValuePair<string, string>("Name", prefix + "osc-1")]);
        fixture.Emulator.Koyeb.SeedSnapshots(1, prefix + "kyb-");
        fixture.Emulator.CloudMC.SeedSnapshots(fixture.Emulator.CloudMC.AddVolume(), 1, prefix + "cmc-");
        fixture.Emulator.OpenStack.SeedSnapshots(fixture.Emulator.OpenStack.AddVolume(), 1, prefix + "ost-");
        return prefix;
    }

    private PowerShellSession ConnectAllFive()
    {
        var session = fixture.ConnectedSession();
        session.Run(ConnectAll, Variables()).AssertSucceeded();
        return session;
    }

    private Hashtable Variables() => new()
    {
        ["koyeb"] = fixture.Emulator.KoyebEndpoint,
        ["koyebToken"] = KoyebFake.DefaultToken,
        ["cloudmc"] = fixture.Emulator.CloudMCEndpoint,
        ["cloudmcKey"] = CloudMCFake.DefaultApiKey,
        ["cloudmcEnvironment"] = CloudMCFake.DefaultEnvironment,
        ["keystone"] = fixture.Emulator.OpenStackAuthUrl,
        ["openstackPassword"] = OpenStackFake.DemoPassword,
    };
}
