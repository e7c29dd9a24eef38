using System;
using System.Globalization;
using System.Text;

namespace SnapshotPS.Core.Engine.Retention;

/// <summary>
/// A span of time counted back from the newest snapshot: restic's calendar duration ("2y5m7d3h":
/// years, months, days, hours; "m" is months) or an exact TimeSpan. PowerShell converts both a
/// string (through Parse) and a TimeSpan (through the constructor) to it.
/// </summary>
public sealed class RetentionDuration : IEquatable<RetentionDuration>
{
    public RetentionDuration(int years, int months, int days, int hours)
    {
        if (years < 0 || months < 0 || days < 0 || hours < 0)
            throw new ArgumentException("A retention duration cannot be negative.");
        Years = years;
        Months = months;
        Days = days;
        Hours = hours;
    }

    /// <summary>An exact span: whole days and hours count as restic's, the rest as minutes and seconds.</summary>
    public RetentionDuration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) throw new ArgumentException("A retention duration cannot be negative.");
        Days = span.Days;
        Hours = span.Hours;
        Rest = span - new TimeSpan(span.Days, span.Hours, 0, 0);
    }

    public int Years { get; }
    public int Months { get; }
    public int Days { get; }
    public int Hours { get; }

    /// <summary>Minutes, seconds and less, from a TimeSpan; restic's syntax has none.</summary>
    public TimeSpan Rest { get; }

    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Hours == 0 && Rest == TimeSpan.Zero;

    /// <summary>Parses restic's syntax: numbers each followed by y, m (months), d or h, for example 2y5m7d3h or 36h.</summary>
    public static RetentionDuration Parse(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        int years = 0, months = 0, days = 0, hours = 0;
        var rest = text.Trim();
        if (rest.Length == 0) throw Invalid(text, "it is empty");
        var i = 0;
        while (i < rest.Length)
        {
            var start = i;
            while (i < rest.Length && rest[i] >= '0' && rest[i] <= '9') i++;
            if (i == start) throw Invalid(text, $"a number is expected at '{rest.Substring(start)}'");
            if (!int.TryParse(rest.Substring(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw Invalid(text, "a number is too large");
            if (i == rest.Length) throw Invalid(text, $"the number {number} has no unit (y, m, d or h)");
            switch (rest[i])
            {
                case 'y': years = number; break;
                case 'm': months = number; break;
                case 'd': days = number; break;
                case 'h': hours = number; break;
                default: throw Invalid(text, $"'{rest[i]}' is not a unit (y years, m months, d days, h hours)");
            }

            i++;
        }

        return new RetentionDuration(years, months, days, hours);
    }

    /// <summary>The instant this long before <paramref name="latest"/>, years, months and days counted on the calendar of <paramref name="zone"/>.</summary>
    public DateTimeOffset Before(DateTimeOffset latest, TimeZoneInfo zone)
    {
        if (latest == DateTimeOffset.MinValue) return DateTimeOffset.MinValue;
        var wall = TimeZoneInfo.ConvertTime(latest, zone).DateTime;
        var monthIndex = (long)wall.Year * 12 + (wall.Month - 1) - (long)Years * 12 - Months;
        var year = monthIndex >= 0 ? monthIndex / 12 : -1;
        if (year < 1) return DateTimeOffset.MinValue;
        var days = (wall.Day - 1) - (double)Days;
        var first = new DateTime((int)year, (int)(monthIndex % 12) + 1, 1);
        if ((first - DateTime.MinValue).TotalDays < -days) return DateTimeOffset.MinValue;
        var shiftedWall = DateTime.SpecifyKind(first.AddDays(days) + wall.TimeOfDay, DateTimeKind.Unspecified);
        var shifted = new DateTimeOffset(shiftedWall, zone.GetUtcOffset(shiftedWall));
        var exact = TimeSpan.FromHours(Hours) + Rest;
        return (shifted - DateTimeOffset.MinValue) < exact ? DateTimeOffset.MinValue : shifted - exact;
    }

    public override string ToString()
    {
        if (IsZero) return "0h";
        var text = new StringBuilder();
        if (Years != 0) text.Append(Years).Append('y');
        if (Months != 0) text.Append(Months).Append('m');
        if (Days != 0) text.Append(Days).Append('d');
        if (Hours != 0) text.Append(Hours).Append('h');
        if (Rest != TimeSpan.Zero)
        {
            if (Rest.Minutes != 0) text.Append(Rest.Minutes).Append("min");
            var seconds = Rest - TimeSpan.FromMinutes(Rest.Minutes);
            if (seconds != TimeSpan.Zero) text.Append(seconds.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('s');
        }

        return text.ToString();
    }

    public bool Equals(RetentionDuration? other) =>
        other is not null && Years == other.Years && Months == other.Months && Days == other.Days && Hours == other.Hours && Rest == other.Rest;

    public override bool Equals(object? obj) => Equals(obj as RetentionDuration);

    public override int GetHashCode() => (((Years * 397) ^ Months) * 397 ^ Days) * 397 ^ Hours ^ Rest.GetHashCode();

    private static FormatException Invalid(string text, string why) =>
        new($"'{text}' is not a duration like 2y5m7d3h (years, months, days, hours): {why}.");
}
