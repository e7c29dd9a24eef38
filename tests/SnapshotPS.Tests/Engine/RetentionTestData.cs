using System.Globalization;
using SnapshotPS.Core.Engine.Retention;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Tests.Engine;

/// <summary>Snapshots for the retention tests, named by their creation time ("2025-04-25 23:00", UTC).</summary>
internal static class RetentionTestData
{
    public static readonly DateTimeOffset FarFuture = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(string time) =>
        DateTimeOffset.ParseExact(time, new[] { "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss" }, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static CloudSnapshot Snapshot(string time, string volume = "vol-1", SnapshotState state = SnapshotState.Available,
        string connection = "scaleway", IReadOnlyDictionary<string, string>? tags = null, string? name = null) => new()
    {
        Provider = CloudProvider.Scaleway,
        Connection = connection,
        Id = $"{connection}/{volume}/{time}",
        Name = name ?? time,
        VolumeId = volume,
        State = state,
        CreatedAt = At(time),
        Tags = tags ?? new Dictionary<string, string>(),
    };

    public static IReadOnlyList<CloudSnapshot> Snapshots(params string[] times) => times.Select(t => Snapshot(t)).ToList();

    public static RetentionPlan Plan(RetentionPolicy policy, IEnumerable<CloudSnapshot> snapshots, DateTimeOffset? now = null,
        RetentionGrouping? grouping = null, TimeZoneInfo? zone = null) =>
        new RetentionPlanner(policy, grouping, zone).Plan(snapshots, now ?? FarFuture);

    /// <summary>The creation times of the kept snapshots, oldest first, as restic lists them.</summary>
    public static string[] Kept(RetentionPlan plan) => TimesOf(plan.Decisions.Where(d => d.Keep));

    public static string[] Removed(RetentionPlan plan) => TimesOf(plan.Decisions.Where(d => !d.Keep));

    private static string[] TimesOf(IEnumerable<RetentionDecision> decisions) =>
        decisions.OrderBy(d => d.CreatedAt).Select(d => d.CreatedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).ToArray();

    public static IReadOnlyList<string> ReasonsFor(RetentionPlan plan, string name) =>
        plan.Decisions.Single(d => d.Snapshot.Name == name).Reasons;
}
