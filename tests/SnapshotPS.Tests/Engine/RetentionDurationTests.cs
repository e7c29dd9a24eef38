using SnapshotPS.Core.Engine.Retention;
using static SnapshotPS.Tests.Engine.RetentionTestData;

namespace SnapshotPS.Tests.Engine;

public class RetentionDurationTests
{
    [Fact]
    public void ParsesResticsSyntaxWhereMIsMonths()
    {
        var duration = RetentionDuration.Parse("2y5m7d3h");
        Assert.Equal((2, 5, 7, 3), (duration.Years, duration.Months, duration.Days, duration.Hours));
        Assert.Equal("2y5m7d3h", duration.ToString());
        Assert.Equal("36h", RetentionDuration.Parse(" 36h ").ToString());
    }

    [Theory]
    [InlineData("1w")]
    [InlineData("7")]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("-1d")]
    public void RefusesWhatResticRefuses(string text) =>
        Assert.Throws<FormatException>(() => RetentionDuration.Parse(text));

    [Fact]
    public void ATimeSpanIsExact()
    {
        var duration = new RetentionDuration(new TimeSpan(2, 3, 30, 0));
        Assert.Equal("2d3h30min", duration.ToString());
        Assert.Equal(At("2026-11-28 08:30"), duration.Before(At("2026-11-30 12:00"), TimeZoneInfo.Utc));
        Assert.Throws<ArgumentException>(() => new RetentionDuration(TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void CountsMonthsOnTheCalendarAndOverflowsShortMonthsAsResticDoes()
    {
        Assert.Equal(At("2026-03-03 12:00"), RetentionDuration.Parse("1m").Before(At("2026-03-31 12:00"), TimeZoneInfo.Utc));
        Assert.Equal(At("2024-06-23 09:00"), RetentionDuration.Parse("2y5m7d3h").Before(At("2026-11-30 12:00"), TimeZoneInfo.Utc));
        Assert.Equal(DateTimeOffset.MinValue, RetentionDuration.Parse("9999y").Before(At("2026-11-30 12:00"), TimeZoneInfo.Utc));
    }
}
