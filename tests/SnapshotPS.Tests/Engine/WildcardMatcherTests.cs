using SnapshotPS.Core.Engine;

namespace SnapshotPS.Tests.Engine;

public class WildcardMatcherTests
{
    [Theory]
    [InlineData("nightly-*", "nightly-001", true)]
    [InlineData("nightly-*", "NIGHTLY-002", true)]
    [InlineData("nightly-*", "weekly-001", false)]
    [InlineData("db-?", "db-1", true)]
    [InlineData("db-?", "db-10", false)]
    [InlineData("db-[0-4]", "db-3", true)]
    [InlineData("db-[0-4]", "db-7", false)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "axb", false)]
    [InlineData("dots.and+plus", "dots.and+plus", true)]
    [InlineData("dots.and+plus", "dotsXand+plus", false)]
    public void MatchesLikePowerShellWildcards(string pattern, string value, bool expected) =>
        Assert.Equal(expected, new WildcardMatcher(pattern).IsMatch(value));

    [Theory]
    [InlineData("plain", false)]
    [InlineData("a*", true)]
    [InlineData("a?", true)]
    [InlineData("[ab]", true)]
    [InlineData("escaped`*", false)]
    public void TellsWhetherAPatternHasWildcards(string pattern, bool expected) =>
        Assert.Equal(expected, WildcardMatcher.HasWildcards(pattern));

    [Fact]
    public void UnescapesBacktickEscapes() => Assert.Equal("a*b", WildcardMatcher.Unescape("a`*b"));
}
