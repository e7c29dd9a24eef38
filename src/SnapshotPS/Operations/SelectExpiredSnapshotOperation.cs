using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SnapshotPS.Core.Engine.Retention;
using SnapshotPS.Core.Model;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

public sealed class SelectExpiredSnapshotRequest
{
    public RetentionPolicy Policy { get; init; } = new();

    /// <summary>Null: by connection and volume.</summary>
    public IReadOnlyList<string>? GroupBy { get; init; }

    /// <summary>Calendar buckets in the machine's time zone instead of UTC.</summary>
    public bool LocalTime { get; init; }

    /// <summary>Writes a decision for every snapshot instead of the snapshots to remove.</summary>
    public bool IncludeKept { get; init; }

    /// <summary>The present, for the -KeepWithin* rules; null: the clock.</summary>
    public DateTimeOffset? Now { get; init; }
}

/// <summary>
/// Select-ExpiredCloudSnapshot: checks the policy before any input arrives, gathers every snapshot,
/// then writes the ones the policy lets go (or, with IncludeKept, a decision for each).
/// </summary>
public sealed class SelectExpiredSnapshotOperation
{
    private const string Prefix = "SelectExpiredCloudSnapshot";

    private readonly ICmdletContext _context;
    private readonly SelectExpiredSnapshotRequest _request;
    private readonly RetentionPlanner _planner;
    private readonly List<CloudSnapshot> _snapshots = new();

    /// <summary>Throws ArgumentException, naming the parameter, for a policy with no rule or a bad group key.</summary>
    public SelectExpiredSnapshotOperation(ICmdletContext context, SelectExpiredSnapshotRequest request)
    {
        _context = context;
        _request = request;
        var grouping = request.GroupBy is null ? RetentionGrouping.Default : RetentionGrouping.Parse(request.GroupBy);
        _planner = new RetentionPlanner(request.Policy, grouping, request.LocalTime ? TimeZoneInfo.Local : TimeZoneInfo.Utc);
        _context.WriteVerbose($"Retention policy: {request.Policy}; groups by {(grouping.Keys.Any() ? string.Join(", ", grouping.Keys) : "nothing (one group)")}; " +
            $"calendar in {(request.LocalTime ? "local time (" + TimeZoneInfo.Local.Id + ")" : "UTC")}.");
    }

    /// <summary>The error a refused policy becomes, terminating before any input is read.</summary>
    public static OperationError RefusedPolicy(ArgumentException refused) => OperationErrors.From(refused, Prefix, null);

    public void Add(CloudSnapshot snapshot) => _snapshots.Add(snapshot);

    public void Complete()
    {
        var plan = _planner.Plan(_snapshots, _request.Now ?? DateTimeOffset.UtcNow);
        foreach (var problem in plan.Problems) _context.WriteError(ErrorFor(problem));
        if (plan.Duplicates > 0) _context.WriteVerbose($"{plan.Duplicates} snapshot(s) came more than once; each counts once.");

        foreach (var group in plan.Decisions.GroupBy(d => d.Group))
        {
            var passedOver = group.Where(d => d.Snapshot.State != SnapshotState.Available).ToList();
            _context.WriteVerbose($"{group.Key}: {group.Count(d => d.Keep)} kept, {group.Count(d => !d.Keep)} to remove" +
                (passedOver.Count == 0 ? "." : $"; {passedOver.Count} not available, so neither counted nor removed: " +
                    string.Join(", ", passedOver.Select(d => $"{d.Snapshot.Id} ({d.Snapshot.State})")) + "."));
        }

        foreach (var decision in plan.Decisions)
        {
            if (_request.IncludeKept) _context.WriteObject(decision);
            else if (!decision.Keep) _context.WriteObject(decision.Snapshot);
        }
    }

    private static OperationError ErrorFor(RetentionProblem problem) => problem.Kind switch
    {
        RetentionProblemKind.NoCreationTime =>
            new OperationError(Prefix + "NoCreationTime", OperationErrorCategory.InvalidData, new InvalidDataException(problem.Message), problem.Snapshot),
        _ => new OperationError(Prefix + "GroupWouldBeEmptied", OperationErrorCategory.InvalidOperation, new InvalidOperationException(problem.Message), problem.Group)
        {
            RecommendedAction = "Add a rule that keeps at least one snapshot of each group, such as -KeepLast 1.",
        },
    };
}
