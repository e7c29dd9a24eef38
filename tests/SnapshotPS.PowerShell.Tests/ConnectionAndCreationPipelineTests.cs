using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// Pipeline input of the cmdlets that take names or volumes: Get- and Disconnect-SnapshotProvider
/// take Name by property name, New-CloudSnapshot takes VolumeId and Connection by property name.
/// </summary>
public sealed class ConnectionAndCreationPipelineTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    public static TheoryData<string> Sources() => new("ModuleObject", "PSCustomObject", "Csv", "Json", "Hashtable");

    [Theory]
    [MemberData(nameof(Sources))]
    public void Get_SnapshotProvider_reads_each_piped_Name(string source)
    {
        using var session = fixture.ConnectedSession();
        session.ConnectOutscale(fixture.Emulator.OutscaleEndpoint, "third");

        var result = Pipe(session, source, "Get-SnapshotProvider -Name outscale, third", "Name", "Get-SnapshotProvider").AssertSucceeded();

        Assert.Equal(["outscale", "third"], result.Output.Select(o => (string)o.Properties["Name"].Value));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Disconnect_SnapshotProvider_forgets_each_piped_Name_and_no_other(string source)
    {
        using var session = fixture.ConnectedSession();
        session.ConnectOutscale(fixture.Emulator.OutscaleEndpoint, "third");

        Pipe(session, source, "Get-SnapshotProvider -Name outscale, third", "Name", "Disconnect-SnapshotProvider").AssertSucceeded();

        Assert.Equal(["scaleway"], session.Run("(Get-SnapshotProvider).Name").AssertSucceeded().OutputOf<string>());
    }

    [Theory]
    [InlineData("PSCustomObject")]
    [InlineData("Csv")]
    [InlineData("Json")]
    [InlineData("Hashtable")]
    public void New_CloudSnapshot_snapshots_each_piped_VolumeId_through_its_Connection(string source)
    {
        using var session = fixture.ConnectedSession();
        var volumes = Enumerable.Range(0, 6).Select(_ => fixture.Outscale.AddVolume(2)).ToArray();
        var before = fixture.Outscale.SnapshotCount();
        var script = BindingScripts.ConvertToPipelineSource + """

            $rows = $volumes | ForEach-Object { [pscustomobject]@{ VolumeId = $_; Connection = 'outscale' } }
            ConvertTo-PipelineSource -InputObject $rows -Kind $source -Property VolumeId, Connection | New-CloudSnapshot -Description piped
            """;

        var result = session.Run(script, new Hashtable { ["volumes"] = volumes, ["source"] = source }).AssertSucceeded();

        Assert.Equal(volumes.Order(), result.Output.Select(o => (string)o.Properties["VolumeId"].Value).Order());
        Assert.All(result.Output, o => Assert.Equal("outscale", o.Properties["Connection"].Value));
        Assert.Equal(before + volumes.Length, fixture.Outscale.SnapshotCount());
    }

    [Fact]
    public void New_CloudSnapshot_takes_VolumeId_and_Connection_from_snapshots_piped_whole()
    {
        using var session = fixture.ConnectedSession();
        var volume = fixture.Outscale.AddVolume(3);
        var seeded = fixture.Outscale.SeedSnapshots(3, volumeId: volume);

        var result = session.Run("Get-CloudSnapshot -Id $ids -Connection outscale | New-CloudSnapshot -Description again",
            new Hashtable { ["ids"] = seeded.ToArray() }).AssertSucceeded();

        Assert.Equal(3, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal(volume, o.Properties["VolumeId"].Value));
        Assert.Empty(result.Output.Select(o => (string)o.Properties["Id"].Value).Intersect(seeded));
    }

    private static ScriptResult Pipe(PowerShellSession session, string source, string producer, string property, string consumer) => session.Run(
        BindingScripts.ConvertToPipelineSource + $$"""

            $objects = {{producer}}
            $items = if ($source -eq 'ModuleObject') { $objects } else { ConvertTo-PipelineSource -InputObject $objects -Kind $source -Property {{property}} }
            $items | {{consumer}}
            """,
        new Hashtable { ["source"] = source });
}
