using System.Collections;
using System.Globalization;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>Select-ExpiredCloudSnapshot in the real PowerShell: from Get-CloudSnapshot to Remove-CloudSnapshot.</summary>
public sealed class RetentionTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const string Zone = "fr-par-1";
    private static readonly DateTimeOffset LastBackup = new(2026, 11, 30, 21, 0, 0, TimeSpan.Zero);

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8] + "-";

    /// <summary>Seeds volumes with a snapshot every 6 hours for 65 days back from LastBackup; returns each volume's snapshot ids and times.</summary>
    private Dictionary<string, List<(string Id, DateTimeOffset At)>> SeedVolumes(string prefix, int volumes, int snapshotsEach)
    {
        var seeded = new Dictionary<string, List<(string, DateTimeOffset)>>();
        for (var v = 0; v < volumes; v++)
        {
            var volume = fixture.Scaleway.AddInstanceVolume(Zone, $"{prefix}volume-{v}", 20_000_000_000);
            var times = Enumerable.Range(0, snapshotsEach).Select(i => LastBackup.AddHours(-v - 6 * i)).OrderBy(t => t).ToList();
            var ids = fixture.Scaleway.SeedInstanceSnapshotsAt(Zone, times, $"{prefix}{v}-", volume);
            seeded[volume] = ids.Zip(times).ToList();
        }

        return seeded;
    }

    /// <summary>What restic's rules keep, computed as sets: the newest snapshot of the newest n days, ISO weeks and months.</summary>
    private static HashSet<string> KeptByDailyWeeklyMonthly(List<(string Id, DateTimeOffset At)> snapshots, int days, int weeks, int months)
    {
        var newestFirst = snapshots.OrderByDescending(s => s.At).ToList();
        IEnumerable<string> Newest<TKey>(Func<DateTime, TKey> period, int count)
        {
            var groups = newestFirst.GroupBy(s => period(s.At.UtcDateTime)).ToList();
            Assert.True(groups.Count > count, "the seed must outlast every count, so that restic's 'oldest' rule does not apply");
            return groups.Take(count).Select(g => g.First().Id);
        }

        return Newest(d => d.Date, days)
            .Concat(Newest(d => (ISOWeek.GetYear(d), ISOWeek.GetWeekOfYear(d)), weeks))
            .Concat(Newest(d => (d.Year, d.Month), months))
            .ToHashSet();
    }

    [Fact]
    public void A_thousand_snapshots_on_four_volumes_go_exactly_as_the_rules_say_with_WhatIf_then_Force()
    {
        var prefix = Unique("ret-");
        var seeded = SeedVolumes(prefix, volumes: 4, snapshotsEach: 260);
        var kept = seeded.Values.SelectMany(s => KeptByDailyWeeklyMonthly(s, 7, 4, 2)).ToHashSet();
        var expired = seeded.Values.SelectMany(s => s).Select(s => s.Id).Where(id => !kept.Contains(id)).ToHashSet();
        var host = new ScriptedHost();
        using var session = fixture.ConnectedSession(host);
        var variables = new Hashtable { ["prefix"] = prefix };

        var selected = session.Run(
            "$expired = Get-CloudSnapshot -Name \"$prefix*\" | Select-ExpiredCloudSnapshot -KeepDaily 7 -KeepWeekly 4 -KeepMonthly 2\n" +
            "$expired | Remove-CloudSnapshot -WhatIf\n$expired", variables).AssertSucceeded();

        Assert.Equal(1040, seeded.Values.Sum(s => s.Count));
        Assert.Equal(expired.OrderBy(id => id), selected.Output.Select(o => (string)o.Properties["Id"].Value).OrderBy(id => id));
        var whatIf = host.Lines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
        Assert.Equal(expired.Count, whatIf.Count);
        Assert.All(expired, id => Assert.Contains(whatIf, line => line.Contains(id, StringComparison.Ordinal)));
        Assert.Equal(0, fixture.RequestCount("scaleway", "DELETE"));

        session.Run("Get-CloudSnapshot -Name \"$prefix*\" | Select-ExpiredCloudSnapshot -KeepDaily 7 -KeepWeekly 4 -KeepMonthly 2 | Remove-CloudSnapshot -Force",
            variables).AssertSucceeded();

        var left = session.Run("Get-CloudSnapshot -Name \"$prefix*\" | ForEach-Object Id", variables).AssertSucceeded();
        Assert.Equal(kept.OrderBy(id => id), left.Output.Select(o => (string)o.BaseObject).OrderBy(id => id));
        Assert.Equal(expired.Count, fixture.RequestCount("scaleway", "DELETE"));
    }

    [Fact]
    public void No_rule_stops_the_pipeline_before_Get_CloudSnapshot_sends_anything()
    {
        using var session = fixture.ConnectedSession();
        fixture.Requests.Clear();

        var result = session.Run(
            "try { Get-CloudSnapshot | Select-ExpiredCloudSnapshot -GroupBy Name } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; $_.Exception.Message }");

        Assert.Equal("SelectExpiredCloudSnapshotInvalidArgument,SnapshotPS.Cmdlets.SelectExpiredCloudSnapshotCommand", result.Output[0].BaseObject);
        Assert.Equal(ErrorCategory.InvalidArgument, result.Output[1].BaseObject);
        Assert.StartsWith("No retention rule was given", (string)result.Output[2].BaseObject);
        Assert.Equal(0, fixture.CloudRequestCount());
    }

    [Fact]
    public void KeepWithin_takes_restics_duration_or_a_TimeSpan_and_refuses_weeks()
    {
        var prefix = Unique("within-");
        var volume = fixture.Scaleway.AddInstanceVolume(Zone, prefix + "volume", 20_000_000_000);
        fixture.Scaleway.SeedInstanceSnapshotsAt(Zone, Enumerable.Range(0, 5).Select(d => LastBackup.AddDays(-d)), prefix, volume);
        using var session = fixture.ConnectedSession();
        var variables = new Hashtable { ["prefix"] = prefix };

        var asText = session.Run("Get-CloudSnapshot -Name \"$prefix*\" | Select-ExpiredCloudSnapshot -KeepWithin 2d | ForEach-Object Name", variables).AssertSucceeded();
        var asSpan = session.Run("Get-CloudSnapshot -Name \"$prefix*\" | Select-ExpiredCloudSnapshot -KeepWithin (New-TimeSpan -Days 2) | ForEach-Object Name", variables).AssertSucceeded();
        var weeks = session.Run(
            "try { Get-CloudSnapshot -Name \"$prefix*\" | Select-ExpiredCloudSnapshot -KeepWithin 1w } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }", variables);

        Assert.Equal(new[] { prefix + "003", prefix + "002", prefix + "001" }, asText.Output.Select(o => (string)o.BaseObject));
        Assert.Equal(asText.Output.Select(o => o.BaseObject), asSpan.Output.Select(o => o.BaseObject));
        Assert.Equal("CannotConvertArgumentNoMessage,SnapshotPS.Cmdlets.SelectExpiredCloudSnapshotCommand", weeks.Output[0].BaseObject);
        Assert.Contains("KeepWithin", (string)weeks.Output[1].BaseObject);
        Assert.Contains("'w' is not a unit", (string)weeks.Output[1].BaseObject);
    }

    [Fact]
    public void IncludeKept_shows_each_decision_in_120_columns_and_decisions_cannot_be_removed_by_mistake()
    {
        var prefix = Unique("explain-");
        var volume = fixture.Scaleway.AddInstanceVolume(Zone, prefix + "volume", 20_000_000_000);
        fixture.Scaleway.SeedInstanceSnapshotsAt(Zone, Enumerable.Range(0, 4).Select(d => LastBackup.AddDays(-d)), prefix, volume);
        using var session = fixture.ConnectedSession();
        var variables = new Hashtable { ["prefix"] = prefix };
        var before = fixture.RequestCount("scaleway", "DELETE");

        var shown = session.Run(
            "Get-CloudSnapshot -Name \"$prefix*\" | Select-ExpiredCloudSnapshot -KeepLast 1 -KeepDaily 2 -IncludeKept | Out-String -Width 120", variables).AssertSucceeded();
        var piped = session.Run(
            "$Error.Clear()\nGet-CloudSnapshot -Name \"$prefix*\" | Select-ExpiredCloudSnapshot -KeepLast 1 -IncludeKept | Remove-CloudSnapshot -Force\n" +
            "$Error | ForEach-Object FullyQualifiedErrorId", variables);

        var lines = ((string)shown.Output.Single().BaseObject).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.All(lines, l => Assert.True(l.Length <= 120, l));
        Assert.Contains(lines, l => l.Contains("Group: Connection=scaleway, VolumeId=" + volume, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Keep", StringComparison.Ordinal) && l.Contains("Reasons", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(prefix + "004") && l.Contains("last 1, daily 2026-11-30"));
        Assert.Contains(lines, l => l.Contains(prefix + "001") && l.Contains("False"));
        // Binding failures of pipeline input reach $Error (not the hosted instance's error stream): one per decision.
        Assert.Equal(Enumerable.Repeat("InputObjectNotBound,SnapshotPS.Cmdlets.RemoveCloudSnapshotCommand", 4), piped.Output.Select(o => (string)o.BaseObject));
        Assert.Equal(before, fixture.RequestCount("scaleway", "DELETE"));
        Assert.Equal(4, session.Run("@(Get-CloudSnapshot -Name \"$prefix*\").Count", variables).AssertSucceeded().OutputOf<int>().Single());
    }

    [Fact]
    public void A_snapshot_in_error_is_neither_counted_as_the_last_backup_nor_removed()
    {
        var prefix = Unique("failed-");
        var volume = fixture.Scaleway.AddInstanceVolume(Zone, prefix + "volume", 20_000_000_000);
        fixture.Scaleway.SeedInstanceSnapshotsAt(Zone, Enumerable.Range(0, 3).Select(d => LastBackup.AddDays(-d)), prefix, volume);
        using var session = fixture.ConnectedSession();
        var variables = new Hashtable { ["prefix"] = prefix, ["volume"] = volume };
        fixture.Scaleway.FailNextSnapshots(1);
        session.Run("New-CloudSnapshot -VolumeId $volume -Name \"${prefix}broken\" -Wait -ErrorAction SilentlyContinue | Out-Null", variables);

        var result = session.Run(
            "$all = Get-CloudSnapshot -Name \"$prefix*\"\n$all | Select-ExpiredCloudSnapshot -KeepLast 1 | ForEach-Object Name\n" +
            "($all | Where-Object Name -eq \"${prefix}broken\").State", variables).AssertSucceeded();

        Assert.Equal(new[] { prefix + "002", prefix + "001", "Error" }, result.Output.Select(o => o.BaseObject.ToString()));
    }

    [Fact]
    public void It_is_found_with_the_other_snapshot_cmdlets_and_completes_group_keys()
    {
        using var session = fixture.NewSession();

        var found = session.Run("Get-Command -Noun *CloudSnapshot | ForEach-Object Name").AssertSucceeded();
        var examples = session.Run("@((Get-Help Select-ExpiredCloudSnapshot).Examples.Example).Count").AssertSucceeded();
        var completion = session.Run(
            "(TabExpansion2 -inputScript 'Select-ExpiredCloudSnapshot -GroupBy ta' -cursorColumn 39).CompletionMatches | ForEach-Object CompletionText").AssertSucceeded();

        Assert.Contains("Select-ExpiredCloudSnapshot", found.Output.Select(o => (string)o.BaseObject));
        Assert.True(examples.OutputOf<int>().Single() >= 2);
        Assert.Equal(new[] { "tag:" }, completion.Output.Select(o => (string)o.BaseObject));
    }
}
