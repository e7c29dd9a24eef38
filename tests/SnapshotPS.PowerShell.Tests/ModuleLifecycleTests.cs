using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>The module removed and imported again in one session, and two runspaces of one process side by side.</summary>
public sealed class ModuleLifecycleTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Fact]
    public void The_module_imported_again_after_Remove_Module_has_working_cmdlets_and_views()
    {
        var ids = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 2, namePrefix: "reimport-");
        using var session = fixture.NewSession();

        var removed = session.Run("Remove-Module SnapshotPS -ErrorAction Stop; @(Get-Command -Module SnapshotPS).Count").AssertSucceeded();
        session.Run("Import-Module -Name $path -ErrorAction Stop", new Hashtable { ["path"] = ModuleLayout.ManifestPath }).AssertSucceeded();
        session.ConnectScaleway(fixture.Emulator.ScalewayEndpoint);
        var listed = session.Run("Get-CloudSnapshot -Name reimport-*").AssertSucceeded().Output;
        var table = session.Render(listed);

        Assert.Equal(0, removed.Output.Single().BaseObject);
        Assert.Equal(ids.Order(), listed.Select(o => (string)o.Properties["Id"].Value).Order());
        Assert.Contains("Connection Id", table, StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Contains(id, table, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_cmdlet_is_exported_again_after_Remove_Module_and_Import_Module()
    {
        using var session = fixture.NewSession();
        const string count = "@(Get-Command -Module SnapshotPS -CommandType Cmdlet).Count";
        var before = (int)session.Run(count).AssertSucceeded().Output.Single().BaseObject;

        session.Run("Remove-Module SnapshotPS -ErrorAction Stop; Import-Module -Name $path -ErrorAction Stop",
            new Hashtable { ["path"] = ModuleLayout.ManifestPath }).AssertSucceeded();

        Assert.Equal(14, before);
        Assert.Equal(before, session.Run(count).AssertSucceeded().Output.Single().BaseObject);
    }

    [Fact]
    public void Two_runspaces_of_one_process_keep_separate_connections()
    {
        using var first = fixture.NewSession();
        using var second = fixture.NewSession();

        first.ConnectScaleway(fixture.Emulator.ScalewayEndpoint, name: "a");
        second.ConnectOutscale(fixture.Emulator.OutscaleEndpoint, name: "b");

        Assert.Equal(["a"], ConnectionNames(first));
        Assert.Equal(["b"], ConnectionNames(second));
        Assert.Equal(["a"], first.Complete("Get-CloudSnapshot -Connection "));
        Assert.Equal(["b"], second.Complete("Get-CloudSnapshot -Connection "));
    }

    [Fact]
    public void Each_runspace_has_its_own_default_connection()
    {
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, namePrefix: "own-default-");
        using var first = fixture.NewSession();
        using var second = fixture.NewSession();
        first.ConnectScaleway(fixture.Emulator.ScalewayEndpoint, name: "a");

        var withoutConnection = second.Run("Get-CloudSnapshot -Name own-default-*");
        var connected = first.Run("Get-CloudSnapshot -Name own-default-*").AssertSucceeded();

        Assert.Single(connected.Output);
        Assert.Empty(withoutConnection.Output);
        Assert.Contains("Connect-SnapshotProvider", Assert.Single(withoutConnection.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Disconnecting_in_one_runspace_leaves_the_other_runspaces_connection()
    {
        using var first = fixture.NewSession();
        using var second = fixture.NewSession();
        first.ConnectScaleway(fixture.Emulator.ScalewayEndpoint, name: "shared-name");
        second.ConnectScaleway(fixture.Emulator.ScalewayEndpoint, name: "shared-name");

        first.Run("Disconnect-SnapshotProvider -Name shared-name -Confirm:$false").AssertSucceeded();

        Assert.Empty(ConnectionNames(first));
        Assert.Equal(["shared-name"], ConnectionNames(second));
        second.Run("Get-CloudSnapshot -Connection shared-name | Select-Object -First 1").AssertSucceeded();
    }

    private static IReadOnlyList<string> ConnectionNames(PowerShellSession session) =>
        session.Run("Get-SnapshotProvider").AssertSucceeded().Output.Select(o => (string)o.Properties["Name"].Value).ToList();
}
