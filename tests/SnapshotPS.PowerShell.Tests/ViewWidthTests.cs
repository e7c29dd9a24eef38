using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// Every output type's table view at 80 and at 120 columns (Out-String -Width), with real objects from
/// the emulator: nothing cut or wider than the console, the state whole at 80, more columns at 120; the
/// list views; and tags as key=value text, in the list view and in Export-Csv, read back by -Tag.
/// </summary>
public sealed class ViewWidthTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Snapshots_of_two_clouds_fit_the_console_with_their_state_whole(int width)
    {
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 2, namePrefix: "width-" + width + "-");
        fixture.Outscale.SeedSnapshots(2);
        using var session = fixture.ConnectedSession();
        var snapshots = session.Run("Get-CloudSnapshot -AllConnections").AssertSucceeded().Output;

        var rendered = session.Render(snapshots, width: width);

        RenderedView.AssertNothingTruncated(rendered, width);
        foreach (var snapshot in snapshots)
        {
            var row = RenderedView.LineWith(rendered, (string)snapshot.Properties["Id"].Value);
            Assert.Contains(" " + snapshot.Properties["State"].Value + " ", row + " ", StringComparison.Ordinal);
        }
        Assert.Equal(width >= 120, Header(rendered).Contains("CreatedAt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Connections_fit_the_console_and_show_the_whole_scope_at_120(int width)
    {
        using var session = fixture.ConnectedSession();
        var connections = session.Run("Get-SnapshotProvider").AssertSucceeded().Output;

        var rendered = session.Render(connections, width: width);

        RenderedView.AssertNothingTruncated(rendered, width);
        foreach (var connection in connections)
        {
            var row = RenderedView.LineWith(rendered, (string)connection.Properties["Name"].Value + " ");
            Assert.Contains((string)connection.Properties["Location"].Value, row, StringComparison.Ordinal);
            Assert.Equal(width >= 120, row.Contains((string)connection.Properties["Scope"].Value, StringComparison.Ordinal));
        }
        Assert.Equal(width >= 120, Header(rendered).Contains("Scope", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Export_tasks_fit_the_console_with_their_state_whole_and_the_destination_at_120(int width)
    {
        var snapshotId = fixture.Outscale.SeedSnapshots(1).Single();
        using var session = fixture.ConnectedSession();
        var tasks = session.Run("Export-CloudSnapshot -Id $id -Connection outscale -Bucket nightly-backups -Prefix db01/2026-11/",
            new Hashtable { ["id"] = snapshotId }).AssertSucceeded().Output;

        var rendered = session.Render(tasks, width: width);

        RenderedView.AssertNothingTruncated(rendered, width);
        var row = RenderedView.LineWith(rendered, (string)tasks.Single().Properties["Id"].Value);
        Assert.Contains(" " + tasks.Single().Properties["State"].Value + " ", row, StringComparison.Ordinal);
        Assert.Contains(snapshotId, row, StringComparison.Ordinal);
        Assert.Equal(width >= 120, row.Contains("nightly-backups/db01/2026-11/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Retention_decisions_fit_the_console_with_their_reasons_and_the_whole_id_at_120(int width)
    {
        var prefix = "keep-" + width + "-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var ids = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 3, namePrefix: prefix);
        using var session = fixture.ConnectedSession();
        var decisions = session.Run("Get-CloudSnapshot -Name \"$prefix*\" | Select-ExpiredCloudSnapshot -KeepLast 2 -IncludeKept",
            new Hashtable { ["prefix"] = prefix }).AssertSucceeded().Output;

        var rendered = session.Render(decisions, width: width);

        RenderedView.AssertNothingTruncated(rendered, width);
        Assert.Equal(3, decisions.Count);
        Assert.Equal(2, rendered.Split('\n').Count(l => l.StartsWith("True ", StringComparison.Ordinal) && l.Contains("last ", StringComparison.Ordinal)));
        Assert.All(ids, id => Assert.Equal(width >= 120, rendered.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public void List_views_show_connections_export_tasks_and_decisions_whole_at_80()
    {
        var snapshotId = fixture.Outscale.SeedSnapshots(1).Single();
        using var session = fixture.ConnectedSession();
        var variables = new Hashtable { ["id"] = snapshotId };
        var connection = session.Run("Get-SnapshotProvider -Name outscale").AssertSucceeded().Output;
        var task = session.Run("Export-CloudSnapshot -Id $id -Connection outscale -Bucket backups", variables).AssertSucceeded().Output;

        var connectionList = session.Render(connection, "Format-List", width: 80);
        var taskList = session.Render(task, "Format-List", width: 80);

        Assert.Contains("Scope        : " + connection.Single().Properties["Scope"].Value, connectionList, StringComparison.Ordinal);
        Assert.Contains("Endpoint     : ", connectionList, StringComparison.Ordinal);
        Assert.Contains("SnapshotId      : " + snapshotId, taskList, StringComparison.Ordinal);
        Assert.Contains("Bucket          : backups", taskList, StringComparison.Ordinal);
        Assert.DoesNotContain("...", connectionList + taskList, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scaleway")]
    [InlineData("outscale")]
    public void Export_Csv_writes_tags_as_key_value_text_that_Tag_reads_back(string connection)
    {
        using var session = fixture.ConnectedSession();
        var id = connection == "scaleway"
            ? fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, namePrefix: "csv-tags-").Single()
            : fixture.Outscale.SeedSnapshots(1).Single();
        var other = connection == "scaleway"
            ? fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, namePrefix: "csv-copy-").Single()
            : fixture.Outscale.SeedSnapshots(1).Single();
        var file = Path.Combine(Path.GetTempPath(), "snapshotps-tags-" + Guid.NewGuid().ToString("N") + ".csv");
        var variables = new Hashtable { ["id"] = id, ["other"] = other, ["connection"] = connection, ["file"] = file };
        try
        {
            session.Run("""
                Set-CloudSnapshot -Id $id -Connection $connection -Tag @{ env = 'prod'; team = 'db' } |  Out-Null
                Get-CloudSnapshot -Id $id -Connection $connection | Export-Csv -LiteralPath $file -NoTypeInformation
                $row = Import-Csv -LiteralPath $file
                Set-CloudSnapshot -Id $other -Connection $connection -Tag $row.Tags
                """, variables).AssertSucceeded();
            var column = session.Run("(Import-Csv -LiteralPath $file).Tags", variables).AssertSucceeded().OutputOf<string>().Single();
            var copied = session.Run("(Get-CloudSnapshot -Id $other -Connection $connection).Tags", variables).AssertSucceeded().Output.Single();

            Assert.Contains("env=prod", column, StringComparison.Ordinal);
            Assert.Contains("team=db", column, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", column, StringComparison.Ordinal);
            var tags = (IReadOnlyDictionary<string, string>)copied.BaseObject;
            Assert.Equal("prod", tags["env"]);
            Assert.Equal("db", tags["team"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Tag_text_escapes_separators_so_that_tags_with_semicolons_equals_and_backslashes_come_back_whole()
    {
        var ids = fixture.Outscale.SeedSnapshots(2);
        using var session = fixture.ConnectedSession();
        var variables = new Hashtable { ["ids"] = ids.ToArray() };

        var text = session.Run("""
            $tags = @{ 'a;b' = 'x=y'; path = 'C:\temp\'; empty = '' }
            $kept = (Set-CloudSnapshot -Id $ids[0] -Connection outscale -Tag $tags -PassThru).Tags.ToString()
            Set-CloudSnapshot -Id $ids[1] -Connection outscale -Tag $kept
            $kept
            """, variables).AssertSucceeded().OutputOf<string>().Single();
        var copied = (IReadOnlyDictionary<string, string>)session.Run("(Get-CloudSnapshot -Id $ids[1] -Connection outscale).Tags", variables)
            .AssertSucceeded().Output.Single().BaseObject;

        Assert.Equal(@"a\;b=x\=y; empty; path=C:\\temp\\", text);
        Assert.Equal("x=y", copied["a;b"]);
        Assert.Equal(@"C:\temp\", copied["path"]);
        Assert.Equal("", copied["empty"]);
        Assert.Equal(3, copied.Count);
    }

    private static string Header(string rendered) =>
        rendered.Split('\n').First(l => l.TrimStart().Length > 0 && !l.TrimStart().StartsWith("Group:", StringComparison.Ordinal));
}
