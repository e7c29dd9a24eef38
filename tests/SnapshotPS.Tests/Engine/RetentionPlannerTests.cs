using SnapshotPS.Core.Engine.Retention;
using SnapshotPS.Core.Model;
using static SnapshotPS.Tests.Engine.RetentionTestData;

namespace SnapshotPS.Tests.Engine;

/// <summary>What the module adds around restic's rules: states, missing times, duplicates, zones, groups, reasons.</summary>
public class RetentionPlannerTests
{
    [Fact]
    public void ASnapshotThatIsNotAvailableIsNeitherCountedNorRemoved()
    {
        var snapshots = new[]
        {
            Snapshot("2026-11-30 12:00", state: SnapshotState.Pending),
            Snapshot("2026-11-29 12:00", state: SnapshotState.Error),
            Snapshot("2026-11-28 12:00"),
            Snapshot("2026-11-27 12:00"),
        };

        var plan = Plan(new RetentionPolicy { Last = 1 }, snapshots);

        Assert.Equal(new[] { "not a backup: Pending" }, ReasonsFor(plan, "2026-11-30 12:00"));
        Assert.Equal(new[] { "not a backup: Error" }, ReasonsFor(plan, "2026-11-29 12:00"));
        Assert.Equal(new[] { "last 1" }, ReasonsFor(plan, "2026-11-28 12:00"));
        Assert.Equal(new[] { "2026-11-27 12:00" }, Removed(plan));
    }

    [Fact]
    public void ASnapshotWithoutACreationTimeIsAProblemAndStays()
    {
        var undated = new CloudSnapshot { Provider = CloudProvider.Scaleway, Connection = "scaleway", Id = "undated", Name = "undated", VolumeId = "vol-1", State = SnapshotState.Available };

        var plan = Plan(new RetentionPolicy { Last = 1 }, new[] { Snapshot("2026-11-30 12:00"), undated, Snapshot("2026-11-29 12:00") });

        var problem = Assert.Single(plan.Problems);
        Assert.Equal(RetentionProblemKind.NoCreationTime, problem.Kind);
        Assert.Same(undated, problem.Snapshot);
        Assert.True(plan.Decisions.Single(d => d.Snapshot == undated).Keep);
        Assert.Equal(new[] { "2026-11-29 12:00" }, Removed(plan));
    }

    [Fact]
    public void ASnapshotGivenTwiceCountsOnceAndIsNotRemovedAsItsOwnDuplicate()
    {
        var newest = Snapshot("2026-11-30 12:00");
        var plan = Plan(new RetentionPolicy { Last = 1 }, new[] { newest, Snapshot("2026-11-29 12:00"), newest });

        Assert.Equal(1, plan.Duplicates);
        Assert.Equal(new[] { "2026-11-30 12:00" }, Kept(plan));
        Assert.Equal(2, plan.Decisions.Count);
    }

    [Fact]
    public void CalendarBucketsAreUtcByDefaultAndFollowTheZoneGiven()
    {
        var snapshots = Snapshots("2026-11-29 12:00", "2026-11-29 23:30", "2026-11-30 00:30");
        var policy = new RetentionPolicy { Daily = 2 };
        var plusTwo = TimeZoneInfo.CreateCustomTimeZone("Test+02", TimeSpan.FromHours(2), "Test+02", "Test+02");

        Assert.Equal(new[] { "2026-11-29 23:30", "2026-11-30 00:30" }, Kept(Plan(policy, snapshots)));
        var local = Plan(policy, snapshots, zone: plusTwo);
        Assert.Equal(new[] { "2026-11-29 12:00", "2026-11-30 00:30" }, Kept(local));
        Assert.Equal(new[] { "daily 2026-11-30" }, ReasonsFor(local, "2026-11-30 00:30"));
    }

    [Fact]
    public void EachReasonNamesItsRuleAndBucket()
    {
        var tagged = Snapshot("2026-11-02 12:00", tags: new Dictionary<string, string> { ["keep"] = "yes" });
        var snapshots = new[] { Snapshot("2026-11-30 12:00"), Snapshot("2026-11-29 12:00"), tagged, Snapshot("2025-06-01 12:00") };
        var policy = new RetentionPolicy
        {
            Last = 1, Weekly = 1, Monthly = 1, Yearly = 2, Within = RetentionDuration.Parse("2d"), Tags = new[] { RetentionTag.Parse("keep=yes") },
        };

        var plan = Plan(policy, snapshots);

        Assert.Equal(new[] { "within 2d", "last 1", "weekly 2026-W49", "monthly 2026-11", "yearly 2026" }, ReasonsFor(plan, "2026-11-30 12:00"));
        Assert.Equal(new[] { "within 2d" }, ReasonsFor(plan, "2026-11-29 12:00"));
        Assert.Equal(new[] { "tag keep=yes" }, ReasonsFor(plan, "2026-11-02 12:00"));
        Assert.Equal(new[] { "yearly 2025" }, ReasonsFor(plan, "2025-06-01 12:00"));
    }

    [Fact]
    public void ATagWithoutValueMatchesAnyValueAndWithAValueOnlyThatValue()
    {
        var tags = new Dictionary<string, string> { ["legal"] = "hold" };
        Assert.True(RetentionTag.Parse("legal").Matches(tags));
        Assert.True(RetentionTag.Parse("legal=hold").Matches(tags));
        Assert.False(RetentionTag.Parse("legal=none").Matches(tags));
        Assert.False(RetentionTag.Parse("other").Matches(tags));
        Assert.Throws<ArgumentException>(() => RetentionTag.Parse("=value"));
    }

    [Fact]
    public void DecisionsComeGroupByGroupInTheOrderGroupsAppearedNewestFirst()
    {
        var snapshots = new[]
        {
            Snapshot("2026-11-28 12:00", volume: "vol-b"), Snapshot("2026-11-29 12:00", volume: "vol-a"),
            Snapshot("2026-11-30 12:00", volume: "vol-b"), Snapshot("2026-11-27 12:00", volume: "vol-a"),
        };

        var plan = Plan(new RetentionPolicy { Last = 1 }, snapshots);

        Assert.Equal(new[] { "vol-b", "vol-b", "vol-a", "vol-a" }, plan.Decisions.Select(d => d.Snapshot.VolumeId));
        Assert.Equal(new[] { "2026-11-30 12:00", "2026-11-28 12:00", "2026-11-29 12:00", "2026-11-27 12:00" }, plan.Decisions.Select(d => d.Snapshot.Name));
        Assert.Equal("Connection=scaleway, VolumeId=vol-b", plan.Decisions[0].Group);
    }

    [Fact]
    public void GroupsCanBeATagANameAZoneOrNothing()
    {
        var nightly = new Dictionary<string, string> { ["policy"] = "nightly" };
        var snapshots = new[]
        {
            Snapshot("2026-11-30 12:00", volume: "vol-a", tags: nightly, name: "web"), Snapshot("2026-11-29 12:00", volume: "vol-b", tags: nightly, name: "web"),
            Snapshot("2026-11-28 12:00", volume: "vol-c", name: "db"),
        };
        var policy = new RetentionPolicy { Last = 1 };

        Assert.Equal(new[] { "2026-11-29 12:00" }, Removed(Plan(policy, snapshots, grouping: RetentionGrouping.Parse(new[] { "tag:policy" }))));
        Assert.Equal(new[] { "2026-11-29 12:00" }, Removed(Plan(policy, snapshots, grouping: RetentionGrouping.Parse(new[] { "name" }))));
        Assert.Equal(new[] { "2026-11-28 12:00", "2026-11-29 12:00" }, Removed(Plan(policy, snapshots, grouping: RetentionGrouping.Parse(new[] { "None" }))));
        Assert.Empty(Removed(Plan(policy, snapshots)));
        Assert.Equal("tag:policy=(none)", Plan(policy, snapshots, grouping: RetentionGrouping.Parse(new[] { "tag:policy" })).Decisions[2].Group);
        Assert.Equal(new[] { "Location" }, RetentionGrouping.Parse(new[] { "Zone", "region" }).Keys);
    }

    [Theory]
    [InlineData("Size")]
    [InlineData("tag:")]
    public void AnUnknownGroupKeyIsRefusedWithTheKeysThatExist(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => RetentionGrouping.Parse(new[] { key }));
        Assert.Equal("GroupBy", error.ParamName);
        Assert.Contains("VolumeId", error.Message);
    }

    [Fact]
    public void ACountBelowMinusOneIsRefusedNamingItsParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => new RetentionPlanner(new RetentionPolicy { Daily = -2 }));
        Assert.Equal("KeepDaily", error.ParamName);
    }

    [Fact]
    public void AZeroDurationIsNoRule() =>
        Assert.Throws<ArgumentException>(() => new RetentionPlanner(new RetentionPolicy { Within = RetentionDuration.Parse("0d") }));
}
