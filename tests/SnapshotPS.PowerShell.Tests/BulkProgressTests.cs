using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>A bulk run (items piped to a -ThrottleLimit cmdlet) shows how many are done and in flight, and closes its bar.</summary>
public sealed class BulkProgressTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Fact]
    public void Piped_removals_report_items_done_and_in_flight_then_close_the_bar()
    {
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 6, namePrefix: "bulk-progress-");
        using var session = fixture.ConnectedSession();

        var result = session.Run("Get-CloudSnapshot -Name bulk-progress-* | Remove-CloudSnapshot -Force -ThrottleLimit 2").AssertSucceeded();

        var records = result.Streams.Progress.Where(p => p.Activity == "Remove-CloudSnapshot").ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(records[0].ActivityId, r.ActivityId));
        Assert.Contains(records, r => r.RecordType == ProgressRecordType.Processing && r.StatusDescription.EndsWith(" in flight", StringComparison.Ordinal));
        Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
        Assert.Equal("6 done", records[^1].StatusDescription);
        Assert.Empty(session.Run("Get-CloudSnapshot -Name bulk-progress-*").AssertSucceeded().Output);
    }

    [Fact]
    public void A_single_item_shows_no_bulk_bar()
    {
        var id = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, namePrefix: "single-progress-").Single();
        using var session = fixture.ConnectedSession();

        var result = session.Run("Remove-CloudSnapshot -Id $id -Force", new Hashtable { ["id"] = id }).AssertSucceeded();

        Assert.DoesNotContain(result.Streams.Progress, p => p.Activity == "Remove-CloudSnapshot");
    }

    [Fact]
    public void Piped_renames_on_two_clouds_report_progress_too()
    {
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 3, namePrefix: "bulk-rename-");
        using var session = fixture.ConnectedSession();

        var result = session.Run("Get-CloudSnapshot -Name bulk-rename-* | Set-CloudSnapshot -Tag @{ checked = 'yes' }").AssertSucceeded();

        var records = result.Streams.Progress.Where(p => p.Activity == "Set-CloudSnapshot").ToList();
        Assert.NotEmpty(records);
        Assert.Equal("3 done", records[^1].StatusDescription);
    }
}
