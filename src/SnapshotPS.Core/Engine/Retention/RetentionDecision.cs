using System;
using System.Collections.Generic;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Engine.Retention;

/// <summary>
/// What the policy decided for one snapshot, and why. It deliberately has no Id, Connection or
/// Location property, so that piping decisions to Remove-CloudSnapshot binds nothing: only the
/// snapshots themselves (the default output) are meant to be removed.
/// </summary>
public sealed class RetentionDecision
{
    public RetentionDecision(CloudSnapshot snapshot, string group, bool keep, IReadOnlyList<string> reasons, DateTime? calendarTime)
    {
        Snapshot = snapshot;
        Group = group;
        Keep = keep;
        Reasons = reasons;
        CalendarTime = calendarTime;
    }

    public CloudSnapshot Snapshot { get; }

    /// <summary>The group the snapshot was kept within, such as "Connection=scaleway, VolumeId=...".</summary>
    public string Group { get; }

    public bool Keep { get; }

    /// <summary>Every rule that keeps it ("daily 2026-11-30", "last 3", "within 7d", "tag keep"); empty when it goes.</summary>
    public IReadOnlyList<string> Reasons { get; }

    public DateTimeOffset? CreatedAt => Snapshot.CreatedAt;

    /// <summary>CreatedAt as the calendar rules read it: in UTC, or in local time when asked.</summary>
    public DateTime? CalendarTime { get; }

    public override string ToString() =>
        $"{(Keep ? "keep" : "remove")} {Snapshot}{(Reasons.Count == 0 ? "" : ": " + string.Join(", ", Reasons))}";
}

/// <summary>Why a snapshot or a group could not be decided by the policy; the snapshots concerned are kept.</summary>
public sealed class RetentionProblem
{
    public RetentionProblem(RetentionProblemKind kind, string group, CloudSnapshot? snapshot, string message)
    {
        Kind = kind;
        Group = group;
        Snapshot = snapshot;
        Message = message;
    }

    public RetentionProblemKind Kind { get; }
    public string Group { get; }

    /// <summary>The snapshot concerned; null for a whole group.</summary>
    public CloudSnapshot? Snapshot { get; }

    public string Message { get; }
}

public enum RetentionProblemKind
{
    /// <summary>The snapshot has no creation time, so no rule can place it.</summary>
    NoCreationTime,

    /// <summary>The policy keeps none of the group's backups; like restic, nothing of the group is removed.</summary>
    GroupWouldBeEmptied,
}

/// <summary>The outcome for all the snapshots given: a decision for each (group by group, newest first) and the problems met.</summary>
public sealed class RetentionPlan
{
    public RetentionPlan(IReadOnlyList<RetentionDecision> decisions, IReadOnlyList<RetentionProblem> problems, int duplicates)
    {
        Decisions = decisions;
        Problems = problems;
        Duplicates = duplicates;
    }

    public IReadOnlyList<RetentionDecision> Decisions { get; }
    public IReadOnlyList<RetentionProblem> Problems { get; }

    /// <summary>Snapshots given more than once (same provider, connection and id), counted once.</summary>
    public int Duplicates { get; }
}
