namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// The default views of SnapshotPS.format.ps1xml rendered at 120 (and the snapshot table at 80) columns
/// with real objects from the emulator: whole ids (Scaleway UUIDs, Outscale snap-xxxxxxxx), and no
/// truncation mark anywhere.
/// </summary>
public sealed class ViewTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Fact]
    public void The_snapshot_table_shows_whole_Scaleway_and_Outscale_rows()
    {
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 2, namePrefix: "nightly-db01-");
        fixture.Scaleway.AddBlockSnapshot("fr-par-1", "weekly-block-archive");
        fixture.Outscale.SeedSnapshots(2, description: "before-upgrade");
        using var session = fixture.ConnectedSession();
        var snapshots = session.Run("Get-CloudSnapshot -AllConnections").AssertSucceeded().Output;

        var rendered = session.Render(snapshots);

        RenderedView.AssertNothingTruncated(rendered);
        Assert.Contains(snapshots, s => ((string)s.Properties["Id"].Value).Length == 36);
        Assert.Contains(snapshots, s => ((string)s.Properties["Id"].Value).StartsWith("snap-", StringComparison.Ordinal));
        foreach (var snapshot in snapshots)
        {
            var row = RenderedView.LineWith(rendered, (string)snapshot.Properties["Id"].Value);
            Assert.Contains((string)snapshot.Properties["Connection"].Value, row, StringComparison.Ordinal);
            Assert.Contains(snapshot.Properties["State"].Value.ToString()!, row, StringComparison.Ordinal);
            Assert.Contains((string)snapshot.Properties["Location"].Value, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void At_80_columns_each_snapshot_is_a_row_with_its_name_state_whole_id_and_connection()
    {
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 2, namePrefix: "nightly-db01-");
        fixture.Outscale.SeedSnapshots(2, description: "before-upgrade");
        using var session = fixture.ConnectedSession();
        var snapshots = session.Run("Get-CloudSnapshot -AllConnections").AssertSucceeded().Output;

        var rendered = session.Render(snapshots, width: 80);

        RenderedView.AssertNothingTruncated(rendered, width: 80);
        Assert.Contains(snapshots, s => ((string)s.Properties["Id"].Value).Length == 36);
        foreach (var snapshot in snapshots)
        {
            var row = RenderedView.LineWith(rendered, (string)snapshot.Properties["Id"].Value);
            var name = (string)snapshot.Properties["Name"].Value;
            Assert.StartsWith(name[..Math.Min(name.Length, 17)], row, StringComparison.Ordinal); // a longer name wraps onto the next line
            Assert.Contains(" " + snapshot.Properties["State"].Value + " ", row, StringComparison.Ordinal);
            Assert.Contains((string)snapshot.Properties["Connection"].Value, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_snapshot_table_shows_the_longest_Outscale_region_whole()
    {
        using var session = fixture.NewSession();
        session.Run(
            "Connect-SnapshotProvider -Provider Outscale -Name outscale -Endpoint $endpoint -Region cloudgouv-eu-west-1 -AccessKey $access " +
            "-SecretKey (ConvertTo-SecureString $secret -AsPlainText -Force) -ErrorAction Stop",
            new System.Collections.Hashtable
            {
                ["endpoint"] = fixture.Emulator.OutscaleEndpoint,
                ["access"] = SnapshotPS.Emulator.OutscaleFake.DefaultAccessKey,
                ["secret"] = SnapshotPS.Emulator.OutscaleFake.DefaultSecretKey,
            }).AssertSucceeded();
        var created = session.Run("New-CloudSnapshot -VolumeId $volume -Name gov-nightly -Confirm:$false",
            new System.Collections.Hashtable { ["volume"] = fixture.Outscale.AddVolume(10) }).AssertSucceeded().Output;

        var rendered = session.Render(created);

        RenderedView.AssertNothingTruncated(rendered);
        Assert.Contains("cloudgouv-eu-west-1", RenderedView.LineWith(rendered, (string)created.Single().Properties["Id"].Value), StringComparison.Ordinal);
    }

    [Fact]
    public void The_snapshot_list_shows_whole_ids_permissions_and_tags_sorted_by_key()
    {
        var volume = fixture.Outscale.AddVolume(10);
        using var session = fixture.ConnectedSession();
        var shared = session.Run(
            "New-CloudSnapshot -VolumeId $volume -Name shared-release -Connection outscale -Tag @{ env = 'prod'; team = 'storage' } -Confirm:$false |" +
            " Grant-CloudSnapshotPermission -AccountId 210987654321, 345678901234 -PassThru -Confirm:$false",
            new System.Collections.Hashtable { ["volume"] = volume }).AssertSucceeded().Output.Single();
        var scaleway = session.Run("Get-CloudSnapshot -Id $id -Connection scaleway",
            new System.Collections.Hashtable { ["id"] = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, namePrefix: "list-view-").Single() })
            .AssertSucceeded().Output.Single();

        var rendered = session.Render(new[] { shared, scaleway }, "Format-List");

        RenderedView.AssertNothingTruncated(rendered);
        Assert.Contains((string)scaleway.Properties["Id"].Value, rendered, StringComparison.Ordinal);
        Assert.Contains((string)shared.Properties["Id"].Value, rendered, StringComparison.Ordinal);
        Assert.Contains("shared with 210987654321, 345678901234", rendered, StringComparison.Ordinal);
        Assert.Contains("Tags         : env=prod; Name=shared-release; team=storage", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void The_connection_table_shows_whole_names_locations_and_scopes()
    {
        using var session = fixture.ConnectedSession();
        session.ConnectScaleway(fixture.Emulator.ScalewayEndpoint, name: "scaleway-ams", zone: "nl-ams-1");
        var connections = session.Run("Get-SnapshotProvider").AssertSucceeded().Output;

        var rendered = session.Render(connections);

        RenderedView.AssertNothingTruncated(rendered);
        Assert.Equal(3, connections.Count);
        foreach (var connection in connections)
        {
            var row = RenderedView.LineWith(rendered, (string)connection.Properties["Name"].Value + " ");
            Assert.Contains((string)connection.Properties["Scope"].Value, row, StringComparison.Ordinal);
            Assert.Contains((string)connection.Properties["Location"].Value, row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_export_task_table_shows_whole_task_and_snapshot_ids()
    {
        var snapshotId = fixture.Outscale.SeedSnapshots(1, description: "export-view").Single();
        using var session = fixture.ConnectedSession();
        var variables = new System.Collections.Hashtable { ["id"] = snapshotId };
        session.Run("Export-CloudSnapshot -Id $id -Connection outscale -Bucket nightly-backups -Prefix db01/2026-11/ -Confirm:$false", variables)
            .AssertSucceeded();
        var tasks = session.Run("Get-CloudSnapshotExportTask -Connection outscale -SnapshotId $id", variables).AssertSucceeded().Output;

        var rendered = session.Render(tasks);

        RenderedView.AssertNothingTruncated(rendered);
        Assert.NotEmpty(tasks);
        foreach (var task in tasks)
        {
            var row = RenderedView.LineWith(rendered, (string)task.Properties["Id"].Value);
            Assert.Contains(snapshotId, row, StringComparison.Ordinal);
            Assert.Contains("nightly-backups/db01/2026-11/", row, StringComparison.Ordinal);
        }
    }
}
