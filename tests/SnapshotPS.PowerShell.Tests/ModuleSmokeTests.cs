namespace SnapshotPS.PowerShell.Tests;

/// <summary>The module imports into the real PowerShell and lists what the emulator holds.</summary>
public sealed class ModuleSmokeTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Fact]
    public void Get_CloudSnapshot_lists_the_seeded_Scaleway_snapshots()
    {
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 3, namePrefix: "smoke-");
        using var session = fixture.ConnectedSession();

        var result = session.Run("Get-CloudSnapshot -Name smoke-*").AssertSucceeded();

        Assert.Equal(3, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("SnapshotPS.Core.Model.CloudSnapshot", o.BaseObject.GetType().FullName));
    }
}
