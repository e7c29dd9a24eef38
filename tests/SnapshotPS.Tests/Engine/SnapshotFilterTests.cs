using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Tests.Engine;

public class SnapshotFilterTests
{
    private static CloudSnapshot Snapshot(string name, SnapshotState state = SnapshotState.Available, string? volume = "v1", params (string, string)[] tags) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Name = name,
        State = state,
        VolumeId = volume,
        Tags = tags.ToDictionary(t => t.Item1, t => t.Item2),
    };

    [Fact]
    public void KeepsSnapshotsMatchingAnyName()
    {
        var filter = new SnapshotFilter(new SnapshotQuery { Names = new[] { "nightly-*", "keep" } });
        Assert.True(filter.Matches(Snapshot("nightly-1")));
        Assert.True(filter.Matches(Snapshot("keep")));
        Assert.False(filter.Matches(Snapshot("weekly-1")));
    }

    [Fact]
    public void RequiresEveryTagAndTreatsAnEmptyValueAsAnyValue()
    {
        var filter = new SnapshotFilter(new SnapshotQuery { Tags = new Dictionary<string, string> { ["env"] = "prod", ["keep"] = "" } });
        Assert.True(filter.Matches(Snapshot("a", tags: new[] { ("env", "prod"), ("keep", "forever") })));
        Assert.False(filter.Matches(Snapshot("b", tags: new[] { ("env", "dev"), ("keep", "x") })));
        Assert.False(filter.Matches(Snapshot("c", tags: new[] { ("env", "prod") })));
    }

    [Fact]
    public void FiltersOnStateAndVolume()
    {
        var filter = new SnapshotFilter(new SnapshotQuery { States = new[] { SnapshotState.Error }, VolumeId = "V1" });
        Assert.True(filter.Matches(Snapshot("a", SnapshotState.Error, "v1")));
        Assert.False(filter.Matches(Snapshot("b", SnapshotState.Available, "v1")));
        Assert.False(filter.Matches(Snapshot("c", SnapshotState.Error, "v2")));
    }

    [Fact]
    public void OffersAServerSideNameOnlyForOneExactName()
    {
        Assert.Equal("db", SnapshotFilter.SingleExactName(new SnapshotQuery { Names = new[] { "db" } }));
        Assert.Null(SnapshotFilter.SingleExactName(new SnapshotQuery { Names = new[] { "db*" } }));
        Assert.Null(SnapshotFilter.SingleExactName(new SnapshotQuery { Names = new[] { "a", "b" } }));
    }
}

public class SnapshotPermissionsTests
{
    [Theory]
    [InlineData(false, new string[0], "private")]
    [InlineData(true, new string[0], "public")]
    [InlineData(false, new[] { "210987654321" }, "shared with 210987654321")]
    [InlineData(true, new[] { "210987654321", "123456789012" }, "public; shared with 210987654321, 123456789012")]
    public void ShowsWhoMayUseTheSnapshot(bool isPublic, string[] accounts, string expected) =>
        Assert.Equal(expected, new SnapshotPermissions(isPublic, accounts).ToString());
}
