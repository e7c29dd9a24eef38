namespace SnapshotPS.Emulator.Tests.Outscale;

public sealed class ReadSnapshotsTests : OutscaleTestBase
{
    [Fact]
    public async Task Pages_follow_next_page_token_until_none_is_returned_in_creation_order()
    {
        var seeded = Outscale.SeedSnapshots(7);
        var seen = new List<string>();
        var pageSizes = new List<int>();
        string? token = null;
        do
        {
            var json = token is null ? """{"ResultsPerPage":3}""" : $$"""{"ResultsPerPage":3,"NextPageToken":"{{token}}"}""";
            var body = await OkAsync("ReadSnapshots", json);
            var ids = Ids(body.GetProperty("Snapshots"));
            pageSizes.Add(ids.Length);
            seen.AddRange(ids);
            token = body.TryGetProperty("NextPageToken", out var next) ? next.GetString() : null;
            Assert.True(token is null || Convert.FromBase64String(token).Length > 0);
        }
        while (token is not null);

        Assert.Equal([3, 3, 1], pageSizes);
        Assert.Equal(seeded, seen);
    }

    [Fact]
    public async Task No_token_when_everything_fits_on_the_page()
    {
        Outscale.SeedSnapshots(3);

        var body = await OkAsync("ReadSnapshots", """{"ResultsPerPage":3}""");

        Assert.Equal(3, body.GetProperty("Snapshots").GetArrayLength());
        Assert.False(body.TryGetProperty("NextPageToken", out _));
    }

    [Fact]
    public async Task Without_results_per_page_everything_comes_in_one_response()
    {
        Outscale.SeedSnapshots(1200);

        var body = await OkAsync("ReadSnapshots");

        Assert.Equal(1200, body.GetProperty("Snapshots").GetArrayLength());
        Assert.False(body.TryGetProperty("NextPageToken", out _));
    }

    [Theory]
    [InlineData(1, 200)]
    [InlineData(1000, 200)]
    [InlineData(0, 400)]
    [InlineData(1001, 400)]
    [InlineData(-5, 400)]
    public async Task Results_per_page_must_be_from_1_to_1000(int resultsPerPage, int expectedStatus)
    {
        var (status, body) = await OscAsync("ReadSnapshots", $$"""{"ResultsPerPage":{{resultsPerPage}}}""");

        if (expectedStatus == 200)
        {
            Assert.Equal(200, status);
        }
        else
        {
            AssertError(status, body, 400, "4047", "InvalidParameterValue");
        }
    }

    [Fact]
    public async Task A_token_the_server_never_issued_is_400()
    {
        await AssertErrorAsync("ReadSnapshots", """{"ResultsPerPage":2,"NextPageToken":"bm90LWEtdG9rZW4="}""", 400, "4047", "InvalidParameterValue");
    }

    [Fact]
    public async Task Snapshots_are_sorted_by_creation_date_then_id()
    {
        var seeded = Outscale.SeedSnapshots(2);
        var first = await CreateSnapshotAsync();
        var second = await CreateSnapshotAsync();
        string[] sameInstant = [first.GetProperty("SnapshotId").GetString()!, second.GetProperty("SnapshotId").GetString()!];

        string[] expected = [.. seeded, .. sameInstant.Order(StringComparer.Ordinal)];

        await AssertListedAsync(expected, "{}");
    }

    [Fact]
    public async Task Filters_on_ids_volumes_states_and_descriptions_or_within_and_across()
    {
        var volume = Outscale.AddVolume(10);
        var onVolume = Outscale.SeedSnapshots(2, volume, "nightly");
        var other = Outscale.SeedSnapshots(1, description: "weekly").Single();
        var pending = (await CreateSnapshotAsync(volume)).GetProperty("SnapshotId").GetString()!;

        await AssertListedAsync([onVolume[0], other], $$$"""{"Filters":{"SnapshotIds":["{{{onVolume[0]}}}","{{{other}}}"]}}""");
        await AssertListedAsync([.. onVolume, pending], $$$"""{"Filters":{"VolumeIds":["{{{volume}}}"]}}""");
        await AssertListedAsync([pending], """{"Filters":{"States":["pending/queued"]}}""");
        await AssertListedAsync(onVolume, $$$"""{"Filters":{"VolumeIds":["{{{volume}}}"],"States":["completed"]}}""");
        await AssertListedAsync([other], """{"Filters":{"Descriptions":["weekly"]}}""");
        Assert.Empty(await ReadSnapshotIdsAsync("""{"Filters":{"SnapshotIds":["snap-0badf00d","not-an-id"]}}"""));
    }

    [Fact]
    public async Task Tag_filters_match_keys_values_and_key_value_pairs()
    {
        var prod = Outscale.SeedSnapshots(1, tags: [KeyValuePair.Create("env", "prod")]).Single();
        var dev = Outscale.SeedSnapshots(1, tags: [KeyValuePair.Create("env", "dev")]).Single();
        var owner = Outscale.SeedSnapshots(1, tags: [KeyValuePair.Create("owner", "prod")]).Single();
        Outscale.SeedSnapshots(1);

        await AssertListedAsync([prod, dev], """{"Filters":{"TagKeys":["env"]}}""");
        await AssertListedAsync([prod, owner], """{"Filters":{"TagValues":["prod"]}}""");
        await AssertListedAsync([prod], """{"Filters":{"TagKeys":["env"],"TagValues":["prod"]}}""");
        await AssertListedAsync([prod, owner], """{"Filters":{"Tags":["env=prod","owner=prod"]}}""");
        Assert.Empty(await ReadSnapshotIdsAsync("""{"Filters":{"Tags":["env=pr*"]}}"""));
    }

    [Fact]
    public async Task Creation_date_filters_are_inclusive_bounds()
    {
        var seeded = Outscale.SeedSnapshots(3);
        var dates = new List<string>();
        foreach (var id in seeded)
        {
            dates.Add((await ReadSnapshotAsync(id)).GetProperty("CreationDate").GetString()!);
        }

        await AssertListedAsync(seeded.Skip(1), $$$"""{"Filters":{"FromCreationDate":"{{{dates[1]}}}"}}""");
        await AssertListedAsync(seeded.Take(2), $$$"""{"Filters":{"ToCreationDate":"{{{dates[1]}}}"}}""");
        await AssertErrorAsync("ReadSnapshots", """{"Filters":{"FromCreationDate":"yesterday"}}""", 400, "4047", "InvalidParameterValue");
    }

    [Fact]
    public async Task Account_permission_progress_and_size_filters()
    {
        var second = SecondAccount();
        var mine = Outscale.SeedSnapshots(1).Single();
        var shared = Outscale.SeedSnapshots(1).Single();
        var big = Outscale.SeedSnapshots(1, Outscale.AddVolume(500)).Single();
        var theirs = Outscale.SeedSnapshots(1, accountId: SecondAccountId).Single();
        await OkAsync("UpdateSnapshot", UpdateBody(shared, "Additions", Accounts(SecondAccountId)));
        await OkAsync("UpdateSnapshot", UpdateBody(theirs, "Additions", """{"GlobalPermission":true}"""), second);

        await AssertListedAsync([theirs], $$$"""{"Filters":{"AccountIds":["{{{SecondAccountId}}}"]}}""");
        await AssertListedAsync([shared], $$$"""{"Filters":{"PermissionsToCreateVolumeAccountIds":["{{{SecondAccountId}}}"]}}""");
        await AssertListedAsync([theirs], """{"Filters":{"PermissionsToCreateVolumeGlobalPermission":true}}""");
        await AssertListedAsync([big], """{"Filters":{"VolumeSizes":[500]}}""");
        await AssertListedAsync([mine, shared, big, theirs], """{"Filters":{"Progresses":[100]}}""");
    }

    [Fact]
    public async Task Filters_are_resent_with_the_token_and_still_apply_on_later_pages()
    {
        var tagged = Outscale.SeedSnapshots(3, tags: [KeyValuePair.Create("keep", "yes")]);
        Outscale.SeedSnapshots(3);

        var first = await OkAsync("ReadSnapshots", """{"Filters":{"TagKeys":["keep"]},"ResultsPerPage":2}""");
        var token = first.GetProperty("NextPageToken").GetString();
        var second = await OkAsync("ReadSnapshots", $$$"""{"Filters":{"TagKeys":["keep"]},"ResultsPerPage":2,"NextPageToken":"{{{token}}}"}""");

        Assert.Equal(tagged, Ids(first.GetProperty("Snapshots")).Concat(Ids(second.GetProperty("Snapshots"))));
        Assert.False(second.TryGetProperty("NextPageToken", out _));
    }
}
