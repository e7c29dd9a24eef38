using SnapshotPS.Core.Engine.Retention;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;
using SnapshotPS.Pipeline;
using static SnapshotPS.Tests.Engine.RetentionTestData;

namespace SnapshotPS.Tests.Operations;

/// <summary>Select-ExpiredCloudSnapshot through the seam: the policy checked first, the input gathered, then the output.</summary>
public class SelectExpiredSnapshotOperationTests
{
    private readonly RecordingContext _context = new();

    private SelectExpiredSnapshotOperation Operation(RetentionPolicy policy, bool includeKept = false, string[]? groupBy = null, string now = "2100-01-01 00:00") =>
        new(_context, new SelectExpiredSnapshotRequest { Policy = policy, IncludeKept = includeKept, GroupBy = groupBy, Now = At(now) });

    private void Run(SelectExpiredSnapshotOperation operation, IEnumerable<CloudSnapshot> snapshots)
    {
        foreach (var snapshot in snapshots) operation.Add(snapshot);
        operation.Complete();
    }

    [Fact]
    public void WritesOnlyTheSnapshotsToRemoveGroupByGroupNewestFirst()
    {
        var snapshots = new[]
        {
            Snapshot("2026-11-27 12:00", volume: "vol-a"), Snapshot("2026-11-28 12:00", volume: "vol-b"), Snapshot("2026-11-29 12:00", volume: "vol-a"),
            Snapshot("2026-11-30 12:00", volume: "vol-a"), Snapshot("2026-11-26 12:00", volume: "vol-b"),
        };
        var operation = Operation(new RetentionPolicy { Last = 1 });

        Run(operation, snapshots);

        Assert.Equal(new[] { "2026-11-29 12:00", "2026-11-27 12:00", "2026-11-26 12:00" }, _context.ObjectsOf<CloudSnapshot>().Select(s => s.Name));
        Assert.All(_context.Objects, o => Assert.IsType<CloudSnapshot>(o));
        Assert.Empty(_context.Errors);
    }

    [Fact]
    public void WithIncludeKeptWritesADecisionForEverySnapshot()
    {
        var operation = Operation(new RetentionPolicy { Daily = 1 }, includeKept: true);

        Run(operation, Snapshots("2026-11-30 08:00", "2026-11-30 20:00", "2026-11-29 12:00"));

        var decisions = _context.ObjectsOf<RetentionDecision>().ToList();
        Assert.Equal(3, decisions.Count);
        Assert.Equal(new[] { true, false, false }, decisions.Select(d => d.Keep));
        Assert.Equal(new[] { "daily 2026-11-30" }, decisions[0].Reasons);
        Assert.Equal(new DateTime(2026, 11, 30, 20, 0, 0), decisions[0].CalendarTime);
    }

    [Fact]
    public void NoRuleIsRefusedBeforeAnyInputWithAnInvalidArgumentError()
    {
        var refused = Assert.Throws<ArgumentException>(() => Operation(new RetentionPolicy()));

        var error = SelectExpiredSnapshotOperation.RefusedPolicy(refused);
        Assert.Equal("SelectExpiredCloudSnapshotInvalidArgument", error.ErrorId);
        Assert.Equal(OperationErrorCategory.InvalidArgument, error.Category);
        Assert.Contains("-KeepDaily", error.Exception.Message);
    }

    [Fact]
    public void AnUnknownGroupKeyIsRefusedBeforeAnyInput()
    {
        var refused = Assert.Throws<ArgumentException>(() => Operation(new RetentionPolicy { Last = 1 }, groupBy: new[] { "Colour" }));
        Assert.Equal("GroupBy", refused.ParamName);
    }

    [Fact]
    public void ASnapshotWithoutCreationTimeIsAnErrorForThatItemAndTheOthersGoOn()
    {
        var undated = new CloudSnapshot { Connection = "scaleway", Id = "undated", Name = "undated", VolumeId = "vol-1", State = SnapshotState.Available };
        var operation = Operation(new RetentionPolicy { Last = 1 });

        Run(operation, new[] { Snapshot("2026-11-30 12:00"), undated, Snapshot("2026-11-29 12:00") });

        var error = Assert.Single(_context.Errors);
        Assert.Equal("SelectExpiredCloudSnapshotNoCreationTime", error.ErrorId);
        Assert.Equal(OperationErrorCategory.InvalidData, error.Category);
        Assert.Same(undated, error.Target);
        Assert.Equal(new[] { "2026-11-29 12:00" }, _context.ObjectsOf<CloudSnapshot>().Select(s => s.Name));
    }

    [Fact]
    public void AGroupTheRulesWouldEmptyIsAnErrorAndNothingOfItIsWritten()
    {
        var tagged = new Dictionary<string, string> { ["keep"] = "" };
        var operation = Operation(new RetentionPolicy { Tags = new[] { RetentionTag.Parse("keep") } });

        Run(operation, new[]
        {
            Snapshot("2026-11-30 12:00", volume: "vol-a"), Snapshot("2026-11-29 12:00", volume: "vol-a"),
            Snapshot("2026-11-30 12:00", volume: "vol-b", tags: tagged), Snapshot("2026-11-29 12:00", volume: "vol-b"),
        });

        var error = Assert.Single(_context.Errors);
        Assert.Equal("SelectExpiredCloudSnapshotGroupWouldBeEmptied", error.ErrorId);
        Assert.Equal("Connection=scaleway, VolumeId=vol-a", error.Target);
        Assert.NotNull(error.RecommendedAction);
        Assert.Equal(new[] { "scaleway/vol-b/2026-11-29 12:00" }, _context.ObjectsOf<CloudSnapshot>().Select(s => s.Id));
    }

    [Fact]
    public void PendingSnapshotsAreNeverWrittenAndVerboseSaysSo()
    {
        var operation = Operation(new RetentionPolicy { Last = 1 });

        Run(operation, new[] { Snapshot("2026-11-30 12:00", state: SnapshotState.Pending), Snapshot("2026-11-29 12:00", state: SnapshotState.Error), Snapshot("2026-11-28 12:00") });

        Assert.Empty(_context.Objects);
        Assert.Contains(_context.Verbose, v => v.Contains("2 not available") && v.Contains("(Pending)") && v.Contains("(Error)"));
    }

    [Fact]
    public void KeepWithinMeasuresFromTheNewestSnapshotThatIsNotInTheFuture()
    {
        var operation = Operation(new RetentionPolicy { Within = RetentionDuration.Parse("1d") }, now: "2026-12-01 00:00");

        Run(operation, Snapshots("2026-12-24 00:00", "2026-11-30 12:00", "2026-11-29 13:00", "2026-11-29 11:00"));

        Assert.Equal(new[] { "2026-11-29 11:00" }, _context.ObjectsOf<CloudSnapshot>().Select(s => s.Name));
    }

    [Fact]
    public void VerboseStatesThePolicyTheGroupsAndTheZone()
    {
        Operation(new RetentionPolicy { Daily = 7, Weekly = 4 }, groupBy: new[] { "tag:app", "Zone" });

        Assert.Contains(_context.Verbose, v => v.Contains("keep 7 daily, 4 weekly") && v.Contains("tag:app, Location") && v.Contains("UTC"));
    }

    [Fact]
    public void LocalTimeReadsTheCalendarInTheMachinesZone()
    {
        var operation = new SelectExpiredSnapshotOperation(_context, new SelectExpiredSnapshotRequest
        {
            Policy = new RetentionPolicy { Daily = 1 }, LocalTime = true, IncludeKept = true, Now = At("2100-01-01 00:00"),
        });

        Run(operation, Snapshots("2026-11-30 08:00"));

        Assert.Contains(_context.Verbose, v => v.Contains("local time (" + TimeZoneInfo.Local.Id + ")"));
        var decision = _context.ObjectsOf<RetentionDecision>().Single();
        var local = TimeZoneInfo.ConvertTime(At("2026-11-30 08:00"), TimeZoneInfo.Local).DateTime;
        Assert.Equal(local, decision.CalendarTime);
        Assert.Equal(new[] { "daily " + local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, decision.Reasons);
    }
}
