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
        Assert.Matches(@"Name\s+State\s+Id\s+Connection", table);
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

        Assert.Equal(ModuleCmdlets.Names.Count, before);
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

    [Fact]
    public void Remove_Module_closes_the_sessions_connections()
    {
        using var session = fixture.ConnectedSession();
        var connection = session.Run("Get-SnapshotProvider -Name scaleway").AssertSucceeded().Output.Single();
        var before = ClientReads(connection);

        session.Run("Remove-Module SnapshotPS -ErrorAction Stop; Import-Module -Name $path -ErrorAction Stop",
            new Hashtable { ["path"] = ModuleLayout.ManifestPath }).AssertSucceeded();

        Assert.Equal("read", before);
        Assert.Equal(nameof(ObjectDisposedException), ClientReads(connection));
        Assert.Empty(ConnectionNames(session));
    }

    [Fact]
    public void Nothing_on_a_connection_objects_surface_can_close_it()
    {
        using var session = fixture.ConnectedSession();

        var dispose = session.Run("try { (Get-SnapshotProvider -Name scaleway).Dispose(); 'closed' } catch { $_.FullyQualifiedErrorId }");
        var listed = session.Run("Get-CloudSnapshot -Connection scaleway -First 1 | Out-Null; 'listed'");

        Assert.Equal("MethodNotFound", dispose.Output.Single().BaseObject);
        Assert.Equal("listed", listed.AssertSucceeded().Output.Single().BaseObject);
    }

    [Fact]
    public void Closing_a_runspace_closes_its_connections()
    {
        var session = fixture.ConnectedSession();
        var connection = session.Run("Get-SnapshotProvider -Name scaleway").AssertSucceeded().Output.Single();
        var before = ClientReads(connection);

        session.Runspace.Dispose();

        Assert.Equal("read", before);
        Assert.Equal(nameof(ObjectDisposedException), ClientReads(connection));
    }

    /// <summary>Reads a snapshot through the connection's client from another runspace: "read", or the type of the failure.</summary>
    private string ClientReads(PSObject connection)
    {
        var id = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, namePrefix: "client-read-").Single();
        using var other = fixture.NewSession();
        const string read = """
            try {
                $locator = [SnapshotPS.Core.Model.SnapshotLocator]::new($id, 'fr-par-1')
                $null = $connection.GetClient().GetSnapshotAsync($locator, [System.Threading.CancellationToken]::None).GetAwaiter().GetResult()
                'read'
            } catch { $_.Exception.GetBaseException().GetType().Name }
            """;
        return (string)other.Run(read, new Hashtable { ["connection"] = connection, ["id"] = id }).AssertSucceeded().Output.Single().BaseObject;
    }

    private static IReadOnlyList<string> ConnectionNames(PowerShellSession session) =>
        session.Run("Get-SnapshotProvider").AssertSucceeded().Output.Select(o => (string)o.Properties["Name"].Value).ToList();
}
