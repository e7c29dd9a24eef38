using System;
using System.Globalization;

namespace SnapshotPS.Core.Engine.Retention;

/// <summary>The calendar units of restic's keep rules, on natural boundaries; weeks are ISO 8601 (Monday to Sunday).</summary>
internal enum CalendarUnit
{
    Hour,
    Day,
    Week,
    Month,
    Year,
}

internal static class CalendarBucket
{
    /// <summary>The bucket a wall-clock time falls in, as a label that also identifies it: "2026-11-30 14h", "2026-11-30", "2026-W48", "2026-11", "2026".</summary>
    public static string Of(DateTime wall, CalendarUnit unit) => unit switch
    {
        CalendarUnit.Hour => wall.ToString("yyyy-MM-dd HH'h'", CultureInfo.InvariantCulture),
        CalendarUnit.Day => wall.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CalendarUnit.Week => IsoWeek(wall),
        CalendarUnit.Month => wall.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => wall.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    public static string Name(CalendarUnit unit) => unit switch
    {
        CalendarUnit.Hour => "hourly",
        CalendarUnit.Day => "daily",
        CalendarUnit.Week => "weekly",
        CalendarUnit.Month => "monthly",
        _ => "yearly",
    };

    /// <summary>ISO 8601 week: the week belongs to the year of its Thursday.</summary>
    private static string IsoWeek(DateTime wall)
    {
        var daysSinceMonday = ((int)wall.DayOfWeek + 6) % 7;
        var thursday = wall.Date.AddDays(3 - daysSinceMonday);
        var week = (thursday.DayOfYear - 1) / 7 + 1;
        return string.Format(CultureInfo.InvariantCulture, "{0:D4}-W{1:D2}", thursday.Year, week);
    }
}
