using System;
using System.Collections.Generic;
using System.Linq;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Engine.Retention;

/// <summary>
/// Applies a retention policy to snapshots with restic's forget semantics. Per group, available
/// snapshots are taken newest first; each counted rule keeps the newest snapshot of each of the
/// last n hours, days, ISO weeks, months or years that have one (or the n newest for Last), and
/// also the oldest snapshot while its count is not used up; -KeepWithin* rules measure from the
/// newest snapshot that is not in the future, not from now. A snapshot is kept when any rule keeps
/// it. Calendar buckets are read in the planner's time zone (UTC unless told otherwise).
/// Snapshots that are not Available are no backup: they are never counted and never removed.
/// </summary>
public sealed class RetentionPlanner
{
    private static readonly CalendarUnit[] Units =
        { CalendarUnit.Hour, CalendarUnit.Day, CalendarUnit.Week, CalendarUnit.Month, CalendarUnit.Year };

    private readonly RetentionPolicy _policy;
    private readonly RetentionGrouping _grouping;
    private readonly TimeZoneInfo _zone;

    /// <summary>Throws ArgumentException when the policy has no rule or a bad count.</summary>
    public RetentionPlanner(RetentionPolicy policy, RetentionGrouping? grouping = null, TimeZoneInfo? zone = null)
    {
        policy.Validate();
        _policy = policy;
        _grouping = grouping ?? RetentionGrouping.Default;
        _zone = zone ?? TimeZoneInfo.Utc;
    }

    /// <param name="now">The present: snapshots after it do not move the -KeepWithin* reference point.</param>
    public RetentionPlan Plan(IEnumerable<CloudSnapshot> snapshots, DateTimeOffset now)
    {
        var seen = new HashSet<(CloudProvider, string, string)>();
        var groups = new Dictionary<string, (string Label, List<CloudSnapshot> Members)>();
        var order = new List<string>();
        var duplicates = 0;
        foreach (var snapshot in snapshots)
        {
            if (!seen.Add((snapshot.Provider, snapshot.Connection, snapshot.Id)))
            {
                duplicates++;
                continue;
            }

            var (identity, label) = _grouping.GroupOf(snapshot);
            if (!groups.TryGetValue(identity, out var group))
            {
                group = (label, new List<CloudSnapshot>());
                groups.Add(identity, group);
                order.Add(identity);
            }

            group.Members.Add(snapshot);
        }

        var decisions = new List<RetentionDecision>();
        var problems = new List<RetentionProblem>();
        foreach (var identity in order)
        {
            var (label, members) = groups[identity];
            PlanGroup(label, members, now, decisions, problems);
        }

        return new RetentionPlan(decisions, problems, duplicates);
    }

    private void PlanGroup(string group, List<CloudSnapshot> members, DateTimeOffset now, List<RetentionDecision> decisions, List<RetentionProblem> problems)
    {
        // Newest first; equal times keep their input order (restic sorts stably too).
        var sorted = members.Select((s, i) => (Snapshot: s, Index: i))
            .OrderByDescending(x => x.Snapshot.CreatedAt ?? DateTimeOffset.MinValue).ThenBy(x => x.Index)
            .Select(x => x.Snapshot).ToList();
        var backups = sorted.Where(s => s.CreatedAt is not null && s.State == SnapshotState.Available).ToList();
        var reasons = Evaluate(backups, now);
        var emptied = backups.Count > 0 && reasons.All(r => r.Count == 0);
        if (emptied)
        {
            problems.Add(new RetentionProblem(RetentionProblemKind.GroupWouldBeEmptied, group, null,
                $"The policy ({_policy}) keeps none of the {backups.Count} snapshots of group {group}, so none of them is selected for removal. " +
                "Add a rule that keeps at least one, such as -KeepLast 1, or remove them with Remove-CloudSnapshot directly."));
        }

        var reasonOf = new Dictionary<CloudSnapshot, List<string>>();
        for (var i = 0; i < backups.Count; i++) reasonOf[backups[i]] = reasons[i];
        foreach (var snapshot in sorted)
        {
            var calendarTime = snapshot.CreatedAt is { } at ? TimeZoneInfo.ConvertTime(at, _zone).DateTime : (DateTime?)null;
            if (snapshot.CreatedAt is null)
            {
                problems.Add(new RetentionProblem(RetentionProblemKind.NoCreationTime, group, snapshot,
                    $"Snapshot {snapshot.Name} ({snapshot.Id}) has no creation time, so no retention rule can place it; it is not selected for removal."));
                decisions.Add(new RetentionDecision(snapshot, group, true, new[] { "no creation time" }, calendarTime));
            }
            else if (snapshot.State != SnapshotState.Available)
            {
                decisions.Add(new RetentionDecision(snapshot, group, true, new[] { "not a backup: " + snapshot.State }, calendarTime));
            }
            else if (emptied)
            {
                decisions.Add(new RetentionDecision(snapshot, group, true, new[] { "the policy keeps none of this group" }, calendarTime));
            }
            else
            {
                var why = reasonOf[snapshot];
                decisions.Add(new RetentionDecision(snapshot, group, why.Count > 0, why, calendarTime));
            }
        }
    }

    /// <summary>The reasons to keep each backup (newest first); an empty list means it goes.</summary>
    private List<string>[] Evaluate(IReadOnlyList<CloudSnapshot> backups, DateTimeOffset now)
    {
        var result = new List<string>[backups.Count];
        if (backups.Count == 0) return result;

        var latest = backups.Select(s => s.CreatedAt!.Value).Where(at => at < now).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        var within = _policy.Within is { IsZero: false } span ? span.Before(latest, _zone) : (DateTimeOffset?)null;
        var counted = new List<CountedRule> { new(_policy.Last, null) };
        counted.AddRange(Units.Zip(new[] { _policy.Hourly, _policy.Daily, _policy.Weekly, _policy.Monthly, _policy.Yearly }, (u, n) => new CountedRule(n, u)));
        var recent = Units.Zip(new[] { _policy.WithinHourly, _policy.WithinDaily, _policy.WithinWeekly, _policy.WithinMonthly, _policy.WithinYearly },
                (u, d) => d is { IsZero: false } ? new RecentRule(u, d, d.Before(latest, _zone)) : null)
            .Where(r => r is not null).Select(r => r!).ToList();

        for (var nr = 0; nr < backups.Count; nr++)
        {
            var at = backups[nr].CreatedAt!.Value;
            var wall = TimeZoneInfo.ConvertTime(at, _zone).DateTime;
            var isOldest = nr == backups.Count - 1;
            var why = new List<string>();
            why.AddRange(_policy.Tags.Where(t => t.Matches(backups[nr].Tags)).Select(t => "tag " + t));
            if (within is { } threshold && at > threshold) why.Add("within " + _policy.Within);

            foreach (var rule in counted.Where(r => r.Remaining != 0))
            {
                var bucket = rule.Unit is { } unit ? CalendarBucket.Of(wall, unit) : nr.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (bucket == rule.LastBucket && !isOldest) continue;
                var oldest = bucket == rule.LastBucket ? "oldest " : "";
                rule.LastBucket = bucket;
                rule.Kept++;
                if (rule.Remaining > 0) rule.Remaining--;
                why.Add(oldest + (rule.Unit is { } u ? CalendarBucket.Name(u) + " " + bucket : "last " + rule.Kept));
            }

            foreach (var rule in recent.Where(r => at > r.Threshold))
            {
                var bucket = CalendarBucket.Of(wall, rule.Unit);
                if (bucket == rule.LastBucket && !isOldest) continue;
                var oldest = bucket == rule.LastBucket ? "oldest " : "";
                rule.LastBucket = bucket;
                why.Add($"{oldest}{CalendarBucket.Name(rule.Unit)} {bucket} within {rule.Within}");
            }

            result[nr] = why;
        }

        return result;
    }

    private sealed class CountedRule
    {
        public CountedRule(int count, CalendarUnit? unit)
        {
            Remaining = count;
            Unit = unit;
        }

        public int Remaining { get; set; }

        /// <summary>Null for Last, whose every snapshot is a bucket of its own.</summary>
        public CalendarUnit? Unit { get; }

        public string? LastBucket { get; set; }
        public int Kept { get; set; }
    }

    private sealed class RecentRule
    {
        public RecentRule(CalendarUnit unit, RetentionDuration within, DateTimeOffset threshold)
        {
            Unit = unit;
            Within = within;
            Threshold = threshold;
        }

        public CalendarUnit Unit { get; }
        public RetentionDuration Within { get; }
        public DateTimeOffset Threshold { get; }
        public string? LastBucket { get; set; }
    }
}
