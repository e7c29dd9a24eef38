using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// Get-CloudSnapshot -IncludeTotalCount writes the provider's total first (Scaleway's X-Total-Count and
/// total_count, Cinder's count, CloudMC's recordCount), an estimate when filters apply, and says "unknown"
/// where the provider gives none (Koyeb, Outscale).
/// </summary>
public sealed class TotalCountTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>, IDisposable
{
    public void Dispose() => fixture.Emulator.Faults.Clear();

    private const string ConnectOthers = """
        function Secret([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
        Connect-SnapshotProvider -Provider Koyeb -Name koyeb -Endpoint $koyeb -SecretKey (Secret $koyebToken) -ErrorAction Stop | Out-Null
        Connect-SnapshotProvider -Provider CloudMC -Name cloudmc -Endpoint $cloudmc -SecretKey (Secret $cloudmcKey) -Environment $cloudmcEnvironment -ErrorAction Stop | Out-Null
        Connect-SnapshotProvider -Provider OpenStack -Name openstack -Endpoint $keystone -UserDomain Default -ProjectName demo -ProjectDomain Default -Region RegionOne `
            -Credential ([pscredential]::new('demo', (Secret $openstackPassword))) -ErrorAction Stop | Out-Null
        """;

    private Hashtable Variables() => new()
    {
        ["koyeb"] = fixture.Emulator.KoyebEndpoint, ["koyebToken"] = KoyebFake.DefaultToken,
        ["cloudmc"] = fixture.Emulator.CloudMCEndpoint, ["cloudmcKey"] = CloudMCFake.DefaultApiKey, ["cloudmcEnvironment"] = CloudMCFake.DefaultEnvironment,
        ["keystone"] = fixture.Emulator.OpenStackAuthUrl, ["openstackPassword"] = OpenStackFake.DemoPassword,
    };

    /// <summary>Runs the listing with -IncludeTotalCount: the total object first (with the text PowerShell shows for it), then the snapshots.</summary>
    private static (ulong Total, string Text, IReadOnlyList<PSObject> Snapshots) List(PowerShellSession session, string listing)
    {
        var output = session.Run($"$all = @({listing} -IncludeTotalCount); $all; $all[0].ToString()").AssertSucceeded().Output;
        Assert.True(output.Count >= 2);
        var objects = output.Take(output.Count - 1).ToList();
        Assert.IsType<ulong>(objects[0].BaseObject);
        Assert.All(objects.Skip(1), o => Assert.Equal("CloudSnapshot", o.BaseObject.GetType().Name));
        return ((ulong)objects[0].BaseObject, (string)output[^1].BaseObject, objects.Skip(1).ToList());
    }

    [Fact]
    public void Scaleway_total_sums_X_Total_Count_and_Block_total_count_over_many_pages_and_comes_first()
    {
        var zone = "nl-ams-1";
        fixture.Scaleway.SeedInstanceSnapshots(zone, 1_050, namePrefix: "total-");
        foreach (var i in Enumerable.Range(1, 3)) fixture.Scaleway.AddBlockSnapshot(zone, $"total-block-{i}");
        using var session = fixture.ConnectedSession();

        var (total, text, snapshots) = List(session, $"Get-CloudSnapshot -Location {zone} -PageSize 100");

        Assert.True(snapshots.Count >= 1_053);
        Assert.Equal((ulong)snapshots.Count, total);
        Assert.Equal($"Total count: {snapshots.Count}", text);
    }

    [Fact]
    public void Throttled_and_dropped_pages_are_retried_and_the_total_stays_exact()
    {
        fixture.Scaleway.SeedInstanceSnapshots("nl-ams-2", 230, namePrefix: "fault-total-");
        using var session = fixture.ConnectedSession();
        fixture.Emulator.Faults.Add(new FaultRule
        {
            Provider = "scaleway", Method = "GET", PathContains = "/snapshots", Kind = FaultKind.Status, StatusCode = 429, Times = 3, RetryAfter = TimeSpan.Zero,
        });
        fixture.Emulator.Faults.Add(new FaultRule
        {
            Provider = "scaleway", Method = "GET", PathContains = "/snapshots", Kind = FaultKind.DropConnection, Times = 2,
        });

        var (total, text, snapshots) = List(session, "Get-CloudSnapshot -Location nl-ams-2 -PageSize 50");

        Assert.True(snapshots.Count >= 230);
        Assert.Equal((ulong)snapshots.Count, total);
        Assert.Equal($"Total count: {snapshots.Count}", text);
        Assert.True(fixture.Emulator.Faults.Hits.Count >= 5, "the faults were met");
    }

    [Fact]
    public void Under_First_the_total_is_still_the_whole_listing()
    {
        fixture.Scaleway.SeedInstanceSnapshots("pl-waw-1", 40, namePrefix: "first-");
        fixture.Scaleway.AddBlockSnapshot("pl-waw-1", "first-block");
        using var session = fixture.ConnectedSession();
        var all = session.Run("(Get-CloudSnapshot -Location pl-waw-1 | Measure-Object).Count").AssertSucceeded().Output.Single().BaseObject;

        var (total, text, snapshots) = List(session, "Get-CloudSnapshot -Location pl-waw-1 -First 5 -PageSize 10");

        Assert.Equal(5, snapshots.Count);
        Assert.Equal(Convert.ToUInt64(all, System.Globalization.CultureInfo.InvariantCulture), total);
        Assert.StartsWith("Total count: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cinder_count_and_CloudMC_recordCount_are_the_totals_of_their_connections()
    {
        fixture.Emulator.OpenStack.SeedSnapshots(fixture.Emulator.OpenStack.AddVolume(), 45, "total-ost-");
        fixture.Emulator.CloudMC.SeedSnapshots(fixture.Emulator.CloudMC.AddVolume(), 12, "total-cmc-");
        using var session = fixture.NewSession();
        session.Run(ConnectOthers, Variables()).AssertSucceeded();

        foreach (var connection in new[] { "openstack", "cloudmc" })
        {
            var (total, text, snapshots) = List(session, $"Get-CloudSnapshot -Connection {connection} -PageSize 10");
            Assert.True(snapshots.Count >= 12, connection);
            Assert.Equal((ulong)snapshots.Count, total);
            Assert.Equal($"Total count: {snapshots.Count}", text);
        }
    }

    [Fact]
    public void Koyeb_and_Outscale_give_no_total_so_it_is_unknown_and_the_snapshots_still_come()
    {
        fixture.Emulator.Koyeb.SeedSnapshots(3, "total-kyb-");
        fixture.Outscale.SeedSnapshots(3);
        using var session = fixture.ConnectedSession();
        session.Run(ConnectOthers, Variables()).AssertSucceeded();

        foreach (var connection in new[] { "koyeb", "outscale" })
        {
            var (_, text, snapshots) = List(session, $"Get-CloudSnapshot -Connection {connection}");
            Assert.True(snapshots.Count >= 3, connection);
            Assert.Equal("Unknown total count", text);
        }
    }

    [Fact]
    public void With_a_filter_the_provider_total_is_an_estimate()
    {
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-2", 6, namePrefix: "estimate-");
        using var session = fixture.ConnectedSession();

        var (_, text, snapshots) = List(session, "Get-CloudSnapshot -Location fr-par-2 -Name estimate-*");

        Assert.Equal(6, snapshots.Count);
        Assert.StartsWith("Estimated total count: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AllConnections_sums_the_totals_of_every_connection_and_is_unknown_once_one_gives_none()
    {
        fixture.Emulator.CloudMC.SeedSnapshots(fixture.Emulator.CloudMC.AddVolume(), 2, "total-all-");
        fixture.Emulator.OpenStack.SeedSnapshots(fixture.Emulator.OpenStack.AddVolume(), 3, "total-all-");
        using var session = fixture.NewSession();
        session.Run(ConnectOthers, Variables()).AssertSucceeded();

        var (_, withKoyeb, _) = List(session, "Get-CloudSnapshot -AllConnections");
        session.Run("Disconnect-SnapshotProvider -Name koyeb").AssertSucceeded();
        var (summed, summedText, snapshots) = List(session, "Get-CloudSnapshot -AllConnections -PageSize 2");

        Assert.Equal("Unknown total count", withKoyeb);
        Assert.Equal((ulong)snapshots.Count, summed);
        Assert.Equal($"Total count: {snapshots.Count}", summedText);
        Assert.Equal(["CloudMC", "OpenStack"], snapshots.Select(s => s.Properties["Provider"].Value.ToString()!).Distinct().Order());
    }
}
