using System;
using System.Collections.Generic;
using System.Linq;

namespace SnapshotPS.Core.Engine.Retention;

/// <summary>
/// Which snapshots of a group to keep, with restic's forget semantics: a snapshot is kept when any
/// rule keeps it. Counts of 0 mean "no rule"; -1 means unlimited (every hour, day... that has one).
/// </summary>
public sealed class RetentionPolicy
{
    public const int Unlimited = -1;

    public int Last { get; init; }
    public int Hourly { get; init; }
    public int Daily { get; init; }
    public int Weekly { get; init; }
    public int Monthly { get; init; }
    public int Yearly { get; init; }

    /// <summary>Keeps every snapshot newer than this span before the group's newest snapshot.</summary>
    public RetentionDuration? Within { get; init; }

    public RetentionDuration? WithinHourly { get; init; }
    public RetentionDuration? WithinDaily { get; init; }
    public RetentionDuration? WithinWeekly { get; init; }
    public RetentionDuration? WithinMonthly { get; init; }
    public RetentionDuration? WithinYearly { get; init; }

    /// <summary>Keeps every snapshot that carries any of these tags.</summary>
    public IReadOnlyList<RetentionTag> Tags { get; init; } = Array.Empty<RetentionTag>();

    /// <summary>True when no rule is set: restic refuses to forget anything then, and so do we.</summary>
    public bool IsEmpty =>
        Counts.All(c => c.Count == 0) && WithinRules.All(w => w.Within is null || w.Within.IsZero) && Tags.Count == 0;

    /// <summary>Throws ArgumentException naming the parameter when a count is below -1 or no rule is set.</summary>
    public void Validate()
    {
        foreach (var (name, count) in Counts)
        {
            if (count < Unlimited)
                throw new ArgumentException($"Invalid value for -Keep{name}: {count}; use a positive number, or -1 for unlimited.", "Keep" + name);
        }

        if (IsEmpty)
        {
            throw new ArgumentException(
                "No retention rule was given, so nothing would be kept: name at least one of -KeepLast, -KeepHourly, -KeepDaily, " +
                "-KeepWeekly, -KeepMonthly, -KeepYearly, -KeepWithin (or -KeepWithinDaily...) and -KeepTag.");
        }
    }

    public override string ToString()
    {
        var parts = Counts.Where(c => c.Count != 0)
            .Select(c => c.Count == Unlimited ? $"all {c.Name.ToLowerInvariant()}" : $"{c.Count} {c.Name.ToLowerInvariant()}")
            .Concat(WithinRules.Where(w => w.Within is { IsZero: false }).Select(w => $"{w.Name.ToLowerInvariant()} within {w.Within}"))
            .Concat(Tags.Select(t => $"tag {t}"))
            .ToList();
        if (Within is { IsZero: false } within) parts.Add($"all within {within} of the newest");
        return parts.Count == 0 ? "no rule" : "keep " + string.Join(", ", parts);
    }

    internal IEnumerable<(string Name, int Count)> Counts => new[]
    {
        ("Last", Last), ("Hourly", Hourly), ("Daily", Daily), ("Weekly", Weekly), ("Monthly", Monthly), ("Yearly", Yearly),
    };

    internal IEnumerable<(string Name, RetentionDuration? Within)> WithinRules => new[]
    {
        ("Within", Within), ("Hourly", WithinHourly), ("Daily", WithinDaily), ("Weekly", WithinWeekly), ("Monthly", WithinMonthly), ("Yearly", WithinYearly),
    };
}
