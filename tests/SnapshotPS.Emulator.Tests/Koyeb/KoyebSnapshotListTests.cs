namespace SnapshotPS.Emulator.Tests.Koyeb;

/// <summary>GET /v1/snapshots: offset and limit, has_next, filters, and exactly the reference's reply fields.</summary>
public sealed class KoyebSnapshotListTests : KoyebTestBase
{
    [Fact]
    public async Task The_reply_has_exactly_snapshots_limit_offset_and_has_next()
    {
        Koyeb.SeedSnapshots(3);

        var (status, body) = await KoyebAsync(HttpMethod.Get, Snapshots + "?limit=2&offset=0");

        Assert.Equal(200, status);
        Assert.Equal(["snapshots", "limit", "offset", "has_next"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, body.GetProperty("limit").GetInt32());
        Assert.Equal(0, body.GetProperty("offset").GetInt32());
        Assert.True(body.GetProperty("has_next").GetBoolean());
        Assert.Equal(2, body.GetProperty("snapshots").GetArrayLength());
    }

    [Fact]
    public async Task Pages_are_newest_first_and_the_last_has_no_next()
    {
        var ids = Koyeb.SeedSnapshots(5);

        var (_, first) = await KoyebAsync(HttpMethod.Get, Snapshots + "?limit=2&offset=0");
        var (_, last) = await KoyebAsync(HttpMethod.Get, Snapshots + "?limit=2&offset=4");

        Assert.Equal([ids[4], ids[3]], first.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal([ids[0]], last.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.False(last.GetProperty("has_next").GetBoolean());
    }

    [Fact]
    public async Task An_offset_past_the_end_is_an_empty_page_with_200()
    {
        Koyeb.SeedSnapshots(3);

        var (status, body) = await KoyebAsync(HttpMethod.Get, Snapshots + "?limit=10&offset=500");

        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("snapshots").GetArrayLength());
        Assert.False(body.GetProperty("has_next").GetBoolean());
        Assert.Equal(500, body.GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task A_limit_over_100_is_capped_and_echoed()
    {
        Koyeb.SeedSnapshots(150);

        var (_, body) = await KoyebAsync(HttpMethod.Get, Snapshots + "?limit=250");

        Assert.Equal(100, body.GetProperty("limit").GetInt32());
        Assert.Equal(100, body.GetProperty("snapshots").GetArrayLength());
        Assert.True(body.GetProperty("has_next").GetBoolean());
    }

    [Theory]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("offset=1.5", "offset")]
    [InlineData("statuses=AVAILABLE", "statuses")]
    public async Task Malformed_paging_or_status_is_400_naming_the_parameter(string query, string field)
    {
        var (status, body) = await KoyebAsync(HttpMethod.Get, Snapshots + "?" + query);

        AssertField(status, body, field);
    }

    [Fact]
    public async Task Statuses_repeat_as_keys_and_filter_with_paging_over_the_matches()
    {
        var volume = Koyeb.AddVolume("db");
        Koyeb.SeedSnapshots(4, "old-");
        var creating = new List<string>();
        for (var i = 0; i < 3; i++) creating.Add((await CreateAsync(volume, $"new-{i}")).GetProperty("id").GetString()!);

        var (_, page1) = await KoyebAsync(HttpMethod.Get, Snapshots + "?statuses=SNAPSHOT_STATUS_CREATING&statuses=SNAPSHOT_STATUS_MIGRATING&limit=2");
        var (_, page2) = await KoyebAsync(HttpMethod.Get, Snapshots + "?statuses=SNAPSHOT_STATUS_CREATING&limit=2&offset=2");

        Assert.Equal([creating[2], creating[1]], page1.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.True(page1.GetProperty("has_next").GetBoolean());
        Assert.Equal([creating[0]], page2.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.False(page2.GetProperty("has_next").GetBoolean());
    }

    [Fact]
    public async Task Region_and_organization_filters_narrow_the_listing()
    {
        Koyeb.SeedSnapshots(2, "fra-", region: "fra");
        var was = Koyeb.SeedSnapshots(3, "was-", region: "was");

        var (_, inWas) = await KoyebAsync(HttpMethod.Get, Snapshots + "?region=was");
        var (_, ownOrganization) = await KoyebAsync(HttpMethod.Get, Snapshots + $"?organization_id={KoyebFake.DefaultOrganizationId}");
        var (_, otherOrganization) = await KoyebAsync(HttpMethod.Get, Snapshots + "?organization_id=11111111-2222-4333-8444-555555555555");

        Assert.Equal(was.Reverse(), inWas.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("id").GetString()!));
        Assert.Equal(5, ownOrganization.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(0, otherOrganization.GetProperty("snapshots").GetArrayLength());
    }

    [Fact]
    public async Task Deleted_snapshots_leave_the_listing_once_their_deletion_is_due()
    {
        var ids = Koyeb.SeedSnapshots(3);
        await KoyebAsync(HttpMethod.Delete, $"{Snapshots}/{ids[1]}");

        var (_, during) = await KoyebAsync(HttpMethod.Get, Snapshots);
        Clock.Advance(DeleteDelay);
        var (_, after) = await KoyebAsync(HttpMethod.Get, Snapshots);

        Assert.Equal(3, during.GetProperty("snapshots").GetArrayLength());
        Assert.Equal([ids[2], ids[0]], after.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_admin_surface_seeds_volumes_and_bulk_snapshots()
    {
        using var admin = Track(new HttpClient { BaseAddress = Host.BaseAddress });
        using var response = await admin.PostAsync("_emulator/koyeb/seed",
            new StringContent("""{"volumes":1,"snapshots":2500,"namePrefix":"bulk-","region":"sin","sizeGb":40}"""));
        var seeded = await JsonAsync(response);

        var (_, page) = await KoyebAsync(HttpMethod.Get, Snapshots + "?limit=100&offset=2400");

        Assert.Equal(2500, seeded.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(2500, Koyeb.SnapshotCount());
        var oldest = page.GetProperty("snapshots")[99];
        Assert.Equal("bulk-001", oldest.GetProperty("name").GetString());
        Assert.Equal("sin", oldest.GetProperty("region").GetString());
        Assert.Equal(40, oldest.GetProperty("size").GetInt64());
        Assert.Equal(seeded.GetProperty("volumes")[0].GetString(), oldest.GetProperty("parent_volume_id").GetString());
        Assert.False(page.GetProperty("has_next").GetBoolean());
    }
}
