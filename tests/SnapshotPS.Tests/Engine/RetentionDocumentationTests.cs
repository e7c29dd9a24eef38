using SnapshotPS.Core.Engine.Retention;
using static SnapshotPS.Tests.Engine.RetentionTestData;

namespace SnapshotPS.Tests.Engine;

/// <summary>
/// Cases written from restic's documentation, "Removing snapshots according to a policy"
/// (doc/060_forget.rst): each quotes the sentence it checks.
/// </summary>
public class RetentionDocumentationTests
{
    /// <summary>"Suppose you have made backups every weekday for the past two weeks, and on Fridays, you make an additional backup" (Wednesday 2025-04-30 missed).</summary>
    private static readonly IReadOnlyList<string> TwoWeeks = new[]
    {
        "2025-04-21 11:00", "2025-04-22 11:00", "2025-04-23 11:00", "2025-04-24 11:00", "2025-04-25 11:00", "2025-04-25 23:00",
        "2025-04-28 11:00", "2025-04-29 11:00", "2025-05-01 11:00", "2025-05-02 11:00", "2025-05-02 23:00",
    };

    public sealed record Case(string Quote, IReadOnlyList<string> Snapshots, RetentionPolicy Policy, string[] Kept, string Now = "2100-01-01 00:00")
    {
        public override string ToString() => Quote;
    }

    public static readonly IReadOnlyDictionary<string, Case> Cases = new Dictionary<string, Case>
    {
        // The page's own worked examples (its listing of kept 2025-04-25 shows the 23:00 time under the 11:00 id; the time is what restic keeps).
        ["forget --keep-daily 5"] = new(
            "forget --keep-daily 5 will keep only one snapshot per day for the last five days that had a snapshot",
            TwoWeeks, new RetentionPolicy { Daily = 5 },
            new[] { "2025-04-25 23:00", "2025-04-28 11:00", "2025-04-29 11:00", "2025-05-01 11:00", "2025-05-02 23:00" }),
        ["forget --keep-within-daily 7d"] = new(
            "--keep-within-daily 7d ... at most one daily backup from any given day for the last seven days",
            TwoWeeks, new RetentionPolicy { WithinDaily = RetentionDuration.Parse("7d") },
            new[] { "2025-04-28 11:00", "2025-04-29 11:00", "2025-05-01 11:00", "2025-05-02 23:00" }),

        // One case per option of the list.
        ["--keep-last n"] = new(
            "--keep-last n keep the n last (most recent) snapshots",
            TwoWeeks, new RetentionPolicy { Last = 3 },
            new[] { "2025-05-01 11:00", "2025-05-02 11:00", "2025-05-02 23:00" }),
        ["--keep-hourly n"] = new(
            "--keep-hourly n for the last n hours which have one or more snapshots, keep only the most recent one for each hour",
            new[] { "2026-11-30 08:10", "2026-11-30 08:50", "2026-11-30 10:05", "2026-11-30 10:45", "2026-11-30 11:00", "2026-11-30 11:30" },
            new RetentionPolicy { Hourly = 2 },
            new[] { "2026-11-30 10:45", "2026-11-30 11:30" }),
        ["--keep-weekly n"] = new(
            "--keep-weekly n ... Weeks are Monday 00:00 to Sunday 23:59",
            new[] { "2026-11-15 23:30", "2026-11-16 00:30", "2026-11-22 23:59", "2026-11-23 00:00", "2026-11-24 12:00" },
            new RetentionPolicy { Weekly = 2 },
            new[] { "2026-11-22 23:59", "2026-11-24 12:00" }),
        ["--keep-monthly n"] = new(
            "--keep-monthly n for the last n months which have one or more snapshots, keep only the most recent one for each month",
            new[] { "2026-08-31 23:00", "2026-10-01 00:00", "2026-10-31 23:59", "2026-11-01 00:00", "2026-11-15 00:00" },
            new RetentionPolicy { Monthly = 2 },
            new[] { "2026-10-31 23:59", "2026-11-15 00:00" }),
        ["--keep-yearly n"] = new(
            "--keep-yearly n for the last n years which have one or more snapshots, keep only the most recent one for each year",
            new[] { "2022-06-01 00:00", "2024-12-31 23:59", "2025-01-01 00:00", "2025-07-01 00:00", "2026-03-01 00:00" },
            new RetentionPolicy { Yearly = 2 },
            new[] { "2025-07-01 00:00", "2026-03-01 00:00" }),
        ["--keep-within duration"] = new(
            "--keep-within 2y5m7d3h will keep all snapshots made in the two years, five months, seven days and three hours before the latest (most recent) snapshot",
            new[] { "2024-06-23 08:00", "2024-06-23 08:59", "2024-06-23 09:00", "2024-06-23 09:01", "2025-01-01 00:00", "2026-11-30 12:00" },
            new RetentionPolicy { Within = RetentionDuration.Parse("2y5m7d3h") },
            new[] { "2024-06-23 09:01", "2025-01-01 00:00", "2026-11-30 12:00" }),
        ["--keep-within-hourly duration"] = new(
            "--keep-within-hourly duration keep all hourly snapshots made within the specified duration of the latest snapshot",
            new[] { "2026-11-30 06:30", "2026-11-30 09:10", "2026-11-30 09:40", "2026-11-30 10:20", "2026-11-30 11:30" },
            new RetentionPolicy { WithinHourly = RetentionDuration.Parse("3h") },
            new[] { "2026-11-30 09:40", "2026-11-30 10:20", "2026-11-30 11:30" }),
        ["--keep-within-weekly duration"] = new(
            "--keep-within-weekly duration keep all weekly snapshots made within the specified duration of the latest snapshot",
            new[] { "2026-10-01 12:00", "2026-11-10 12:00", "2026-11-12 12:00", "2026-11-20 12:00", "2026-11-30 12:00" },
            new RetentionPolicy { WithinWeekly = RetentionDuration.Parse("1m") },
            new[] { "2026-11-12 12:00", "2026-11-20 12:00", "2026-11-30 12:00" }),
        ["--keep-within-monthly and -yearly duration"] = new(
            "--keep-within-monthly / --keep-within-yearly duration keep all monthly / yearly snapshots made within the duration",
            new[] { "2023-05-01 00:00", "2024-12-01 00:00", "2025-10-10 00:00", "2025-11-20 00:00", "2025-12-20 00:00", "2026-01-20 00:00" },
            new RetentionPolicy { WithinMonthly = RetentionDuration.Parse("2m"), WithinYearly = RetentionDuration.Parse("2y") },
            new[] { "2024-12-01 00:00", "2025-12-20 00:00", "2026-01-20 00:00" }),
        ["unlimited"] = new(
            "A value of unlimited will be interpreted as \"forever\", i.e. \"keep all\" (every day that has a snapshot)",
            TwoWeeks, new RetentionPolicy { Daily = RetentionPolicy.Unlimited },
            new[]
            {
                "2025-04-21 11:00", "2025-04-22 11:00", "2025-04-23 11:00", "2025-04-24 11:00", "2025-04-25 23:00",
                "2025-04-28 11:00", "2025-04-29 11:00", "2025-05-01 11:00", "2025-05-02 23:00",
            }),
        ["oldest"] = new(
            "If there are not enough snapshots to keep one for each duration related option, the oldest snapshot is kept additionally",
            new[] { "2026-11-29 08:00", "2026-11-29 20:00", "2026-11-30 08:00", "2026-11-30 20:00" },
            new RetentionPolicy { Daily = 5 },
            new[] { "2026-11-29 08:00", "2026-11-29 20:00", "2026-11-30 20:00" }),
        ["future"] = new(
            "All duration related options ignore snapshots with a timestamp in the future ... and these snapshots will hence not be removed",
            new[] { "2026-11-27 12:00", "2026-11-29 13:00", "2026-11-30 12:00", "2026-12-25 00:00" },
            new RetentionPolicy { Within = RetentionDuration.Parse("1d") },
            new[] { "2026-11-29 13:00", "2026-11-30 12:00", "2026-12-25 00:00" },
            Now: "2026-12-01 00:00"),
        ["ORed"] = new(
            "a snapshot only needs to match a single option to be kept (the results are ORed)",
            TwoWeeks, new RetentionPolicy { Last = 1, Daily = 2, Weekly = 2 },
            new[] { "2025-04-25 23:00", "2025-05-01 11:00", "2025-05-02 23:00" }),
    };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void KeepsWhatResticsDocumentationSays(string name)
    {
        var @case = Cases[name];
        var plan = Plan(@case.Policy, Snapshots(@case.Snapshots.ToArray()), At(@case.Now));

        Assert.Equal(@case.Kept, Kept(plan));
        Assert.Equal(@case.Snapshots.Except(@case.Kept).OrderBy(t => t), Removed(plan));
    }

    [Fact]
    public void TheOldestIsMarkedOldest()
    {
        var plan = Plan(Cases["oldest"].Policy, Snapshots(Cases["oldest"].Snapshots.ToArray()));
        Assert.Equal(new[] { "oldest daily 2026-11-29" }, ReasonsFor(plan, "2026-11-29 08:00"));
    }

    [Fact]
    public void TheMostRecentMatchesHourlyDailyAndWeekly()
    {
        var plan = Plan(new RetentionPolicy { Hourly = 1, Daily = 1, Weekly = 1 }, Snapshots(TwoWeeks.ToArray()));
        Assert.Equal(new[] { "hourly 2025-05-02 23h", "daily 2025-05-02", "weekly 2025-W18" }, ReasonsFor(plan, "2025-05-02 23:00"));
    }

    /// <summary>
    /// "suppose you make one backup every day for 100 years. Then forget --keep-daily 7 --keep-weekly 5
    /// --keep-monthly 12 --keep-yearly 75 would keep the most recent 7 daily snapshots and 4
    /// last-day-of-the-week ones (since the 7 dailies already include 1 weekly). Additionally, 12 or 11
    /// last-day-of-the-month snapshots ... And finally 75 or 74 last-day-of-the-year snapshots ... All
    /// other snapshots are removed." The last backup is on a Sunday in December, so that the 7 dailies hold one week's end
    /// and the 12 months do not reach back to the previous year's end.
    /// </summary>
    [Fact]
    public void AHundredYearsOfDailyBackups()
    {
        var last = new DateTime(2026, 12, 27, 3, 0, 0, DateTimeKind.Utc);
        var days = Enumerable.Range(0, 36525).Select(i => last.AddDays(-i)).ToList();
        var snapshots = days.Select(d => Snapshot(d.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))).ToList();

        var plan = Plan(new RetentionPolicy { Daily = 7, Weekly = 5, Monthly = 12, Yearly = 75 }, snapshots);

        var dailies = days.Take(7).ToList();
        List<DateTime> LastDays<TKey>(Func<DateTime, TKey> period, int count) =>
            days.GroupBy(period).Take(count).Select(g => g.First()).ToList();
        var weekEnds = LastDays(d => (System.Globalization.ISOWeek.GetYear(d), System.Globalization.ISOWeek.GetWeekOfYear(d)), 5);
        var monthEnds = LastDays(d => (d.Year, d.Month), 12);
        var yearEnds = LastDays(d => d.Year, 75);
        var kept = plan.Decisions.Where(d => d.Keep).Select(d => d.CreatedAt!.Value.UtcDateTime).ToHashSet();

        Assert.Equal(4, weekEnds.Except(dailies).Count());
        Assert.InRange(monthEnds.Except(dailies).Except(weekEnds).Count(), 11, 12);
        Assert.InRange(yearEnds.Except(dailies).Except(weekEnds).Except(monthEnds).Count(), 74, 75);
        Assert.True(kept.SetEquals(dailies.Concat(weekEnds).Concat(monthEnds).Concat(yearEnds)),
            $"kept {kept.Count}, expected {dailies.Concat(weekEnds).Concat(monthEnds).Concat(yearEnds).Distinct().Count()}");
    }

    [Fact]
    public void ThePolicyIsAppliedToEachGroupIndividually()
    {
        var snapshots = TwoWeeks.Select(t => Snapshot(t, volume: "vol-a"))
            .Concat(TwoWeeks.Take(3).Select(t => Snapshot(t, volume: "vol-b"))).ToList();

        var plan = Plan(new RetentionPolicy { Last = 2 }, snapshots);

        Assert.Equal(2, plan.Decisions.Count(d => d.Keep && d.Snapshot.VolumeId == "vol-a"));
        Assert.Equal(new[] { "2025-04-22 11:00", "2025-04-23 11:00" },
            plan.Decisions.Where(d => d.Keep && d.Snapshot.VolumeId == "vol-b").Select(d => d.Snapshot.Name).OrderBy(n => n));
    }

    [Fact]
    public void RefusesAnEmptyPolicyLikeKeepLastZero()
    {
        var error = Assert.Throws<ArgumentException>(() => new RetentionPlanner(new RetentionPolicy { Last = 0 }));
        Assert.Contains("No retention rule", error.Message);
    }

    [Fact]
    public void ATagPolicyThatMatchesNoneOfAGroupRemovesNothingOfIt()
    {
        // "The forget command will exit with an error if all snapshots in a snapshot group would be removed as none of them satisfy the tag policy."
        var plan = Plan(new RetentionPolicy { Tags = new[] { RetentionTag.Parse("keep") } }, Snapshots(TwoWeeks.ToArray()));

        Assert.All(plan.Decisions, d => Assert.True(d.Keep));
        var problem = Assert.Single(plan.Problems);
        Assert.Equal(RetentionProblemKind.GroupWouldBeEmptied, problem.Kind);
    }
}
