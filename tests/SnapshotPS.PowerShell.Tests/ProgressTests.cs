using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>Waits and exports report Write-Progress while the fake moves slowly, and complete their activity.</summary>
public sealed class ProgressTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>, IDisposable
{
    public void Dispose()
    {
        fixture.Scaleway.Timings.SnapshotDelay = TimeSpan.Zero;
        fixture.Outscale.Timings.ExportDelay = TimeSpan.Zero;
    }

    /// <summary>The records of the activity whose name contains the text: some in progress, and a completed one last.</summary>
    private static List<ProgressRecord> Activity(ScriptResult result, string contains)
    {
        var records = result.Streams.Progress.Where(p => p.Activity.Contains(contains, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(records);
        Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
        Assert.All(records, r => Assert.Equal(records[0].ActivityId, r.ActivityId));
        return records;
    }

    [Fact]
    public void New_with_Wait_reports_the_pending_snapshot_until_it_is_available()
    {
        fixture.Scaleway.Timings.SnapshotDelay = TimeSpan.FromSeconds(3);
        var volume = fixture.Scaleway.AddInstanceVolume("fr-par-1", "progress-volume", 10_000_000_000);
        using var session = fixture.ConnectedSession();

        var result = session.Run("New-CloudSnapshot -VolumeId $volume -Name progress-new -Wait", new Hashtable { ["volume"] = volume }).AssertSucceeded();

        Assert.Equal("Available", result.Output.Single().Properties["State"].Value.ToString());
        var records = Activity(result, "progress-new");
        Assert.Contains(records, r => r.RecordType == ProgressRecordType.Processing && r.StatusDescription.StartsWith("Pending", StringComparison.Ordinal));
    }

    [Fact]
    public void Wait_reports_each_poll_until_the_snapshot_is_available()
    {
        fixture.Scaleway.Timings.SnapshotDelay = TimeSpan.FromSeconds(3);
        var volume = fixture.Scaleway.AddInstanceVolume("fr-par-1", "progress-wait-volume", 10_000_000_000);
        using var session = fixture.ConnectedSession();
        var id = (string)session.Run("(New-CloudSnapshot -VolumeId $volume -Name progress-wait).Id", new Hashtable { ["volume"] = volume })
            .AssertSucceeded().Output.Single().BaseObject;

        var result = session.Run("Wait-CloudSnapshot -Id $id -PollInterval 1", new Hashtable { ["id"] = id }).AssertSucceeded();

        var records = Activity(result, id);
        Assert.True(records.Count(r => r.RecordType == ProgressRecordType.Processing && r.StatusDescription.StartsWith("Pending", StringComparison.Ordinal)) >= 2,
            "a 3 s snapshot polled every second is seen pending at least twice");
        Assert.Contains(records, r => r.StatusDescription.StartsWith("Available", StringComparison.Ordinal));
    }

    [Fact]
    public void Remove_with_Wait_leaves_no_progress_bar_open()
    {
        // The fakes delete at once, so the first poll already finds the snapshot gone and there may be
        // nothing to show; whatever activity the wait opened must be closed by a completed record.
        var id = fixture.Scaleway.AddBlockSnapshot("fr-par-1", "progress-remove");
        using var session = fixture.ConnectedSession();

        var result = session.Run("Remove-CloudSnapshot -Id $id -Force -Wait", new Hashtable { ["id"] = id }).AssertSucceeded();

        foreach (var activity in result.Streams.Progress.GroupBy(p => p.ActivityId))
        {
            Assert.Equal(ProgressRecordType.Completed, activity.Last().RecordType);
        }
        Assert.Equal(0, fixture.Scaleway.BlockSnapshotCount("fr-par-1"));
    }
}
