namespace SnapshotPS.Emulator.Tests.Outscale;

/// <summary>Token paging over the snapshots the store keeps in paging order, while snapshots come and go.</summary>
public sealed class ReadSnapshotsOrderTests : OutscaleTestBase
{
    private async Task<(string[] Ids, string? Token)> PageAsync(int size, string? token)
    {
        var json = token is null ? $$"""{"ResultsPerPage":{{size}}}""" : $$"""{"ResultsPerPage":{{size}},"NextPageToken":"{{token}}"}""";
        var body = await OkAsync("ReadSnapshots", json);
        return (body.GetProperty("Snapshots").EnumerateArray().Select(s => s.GetProperty("SnapshotId").GetString()!).ToArray(),
            body.TryGetProperty("NextPageToken", out var next) ? next.GetString() : null);
    }

    [Fact]
    public async Task A_token_still_leads_on_after_the_snapshot_it_points_at_is_deleted()
    {
        var seeded = Outscale.SeedSnapshots(6);
        var (first, token) = await PageAsync(3, null);
        await OkAsync("DeleteSnapshot", $$"""{"SnapshotId":"{{first[^1]}}"}""");

        var (second, last) = await PageAsync(3, token);

        Assert.Equal(seeded.Take(3), first);
        Assert.Equal(seeded.Skip(3), second);
        Assert.Null(last);
    }

    [Fact]
    public async Task A_snapshot_created_while_paging_comes_on_a_later_page()
    {
        var seeded = Outscale.SeedSnapshots(4);
        var (first, token) = await PageAsync(2, null);
        var added = Outscale.SeedSnapshots(1);

        var (second, next) = await PageAsync(2, token);
        var (third, last) = await PageAsync(2, next);

        Assert.Equal(seeded.Concat(added), first.Concat(second).Concat(third));
        Assert.Null(last);
    }
}
