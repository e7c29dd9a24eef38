namespace SnapshotPS.Emulator.Tests.Scaleway;

public sealed class InstanceSnapshotListTests : EmulatorTestBase
{
    [Fact]
    public async Task One_page_has_total_count_and_only_a_last_link_with_a_trailing_ampersand()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 3);

        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("</snapshots?page=1&per_page=50&>; rel=\"last\"", Link(response));
        Assert.Equal(3, (await JsonAsync(response)).GetProperty("snapshots").GetArrayLength());
    }

    [Fact]
    public async Task First_page_of_many_links_next_and_last()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 120);

        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal("120", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(
            "</snapshots?page=2&per_page=50&>; rel=\"next\",</snapshots?page=3&per_page=50&>; rel=\"last\"",
            Link(response));
        Assert.Equal(50, (await JsonAsync(response)).GetProperty("snapshots").GetArrayLength());
    }

    [Fact]
    public async Task Middle_page_links_first_previous_next_and_last()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 120);

        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots + "?page=2");

        Assert.Equal(
            "</snapshots?page=1&per_page=50&>; rel=\"first\",</snapshots?page=1&per_page=50&>; rel=\"previous\"," +
            "</snapshots?page=3&per_page=50&>; rel=\"next\",</snapshots?page=3&per_page=50&>; rel=\"last\"",
            Link(response));
    }

    [Fact]
    public async Task Last_page_links_first_previous_and_last_and_holds_the_remainder()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 120);

        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots + "?page=3&per_page=50");

        Assert.Equal(
            "</snapshots?page=1&per_page=50&>; rel=\"first\",</snapshots?page=2&per_page=50&>; rel=\"previous\"," +
            "</snapshots?page=3&per_page=50&>; rel=\"last\"",
            Link(response));
        var names = Names((await JsonAsync(response)).GetProperty("snapshots"));
        Assert.Equal(20, names.Length);
        Assert.Equal("seed-101", names[0]);
    }

    [Fact]
    public async Task Link_keeps_the_other_query_parameters_without_a_trailing_ampersand()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 25, "nightly-");

        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots + "?name=nightly&per_page=10");

        Assert.Equal("25", response.Headers.GetValues("X-Total-Count").Single());
        Assert.StartsWith("</snapshots?page=2&per_page=10&name=nightly>; rel=\"next\"", Link(response));
    }

    [Theory]
    [InlineData("per_page=101", "per_page", "constraint")]
    [InlineData("per_page=0", "per_page", "constraint")]
    [InlineData("per_page=ten", "per_page", "format")]
    [InlineData("page=0", "page", "constraint")]
    [InlineData("page=-1", "page", "constraint")]
    [InlineData("base_volume_id=nope", "base_volume_id", "format")]
    public async Task Out_of_range_or_malformed_paging_and_filters_are_400(string query, string argument, string reason)
    {
        var (status, body) = await CallAsync(HttpMethod.Get, InstanceSnapshots + "?" + query);

        AssertInvalidArgument(status, body, argument, reason);
    }

    [Fact]
    public async Task Per_page_100_is_accepted()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 101);

        var (status, body) = await CallAsync(HttpMethod.Get, InstanceSnapshots + "?per_page=100");

        Assert.Equal(200, status);
        Assert.Equal(100, body.GetProperty("snapshots").GetArrayLength());
    }

    [Fact]
    public async Task Snapshots_are_ordered_by_creation_date_oldest_first()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 2, "old-");
        await CreateInstanceSnapshotAsync("newest");
        Clock.Advance(TimeSpan.FromSeconds(5));
        await CreateInstanceSnapshotAsync("after");

        var (_, body) = await CallAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(["old-001", "old-002", "newest", "after"], Names(body.GetProperty("snapshots")));
    }

    [Fact]
    public async Task Body_holds_only_the_snapshots_key()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 1);

        var (_, body) = await CallAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(["snapshots"], body.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task Name_filter_is_a_case_insensitive_substring()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 2, "Nightly-");
        Scaleway.SeedInstanceSnapshots(Zone, 1, "weekly-");

        var (_, body) = await CallAsync(HttpMethod.Get, InstanceSnapshots + "?name=nightly");

        Assert.Equal(["Nightly-001", "Nightly-002"], Names(body.GetProperty("snapshots")));
    }

    [Fact]
    public async Task Tags_filter_keeps_snapshots_that_have_the_tag()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 1, "prod-", tags: ["env=prod", "daily"]);
        Scaleway.SeedInstanceSnapshots(Zone, 1, "dev-", tags: ["env=dev"]);

        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots + "?tags=" + Uri.EscapeDataString("env=prod"));

        Assert.Equal(["prod-001"], Names((await JsonAsync(response)).GetProperty("snapshots")));
        Assert.Equal("1", response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task Base_volume_id_filter_keeps_snapshots_of_that_volume()
    {
        var volume = AddVolume();
        Scaleway.SeedInstanceSnapshots(Zone, 2, "mine-", volume);
        Scaleway.SeedInstanceSnapshots(Zone, 2, "other-", AddVolume("other"));

        var (_, body) = await CallAsync(HttpMethod.Get, InstanceSnapshots + "?base_volume_id=" + volume);

        Assert.Equal(["mine-001", "mine-002"], Names(body.GetProperty("snapshots")));
    }

    [Fact]
    public async Task Project_and_organization_filters_match_the_owner()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 2);

        var (_, ownProject) = await CallAsync(HttpMethod.Get, InstanceSnapshots + "?project=" + ScalewayFake.DefaultProjectId);
        var (_, ownOrganization) = await CallAsync(HttpMethod.Get, InstanceSnapshots + "?organization=" + ScalewayFake.DefaultOrganizationId);
        var (_, otherProject) = await CallAsync(HttpMethod.Get, InstanceSnapshots + "?project=" + Guid.NewGuid());

        Assert.Equal(2, ownProject.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(2, ownOrganization.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(0, otherProject.GetProperty("snapshots").GetArrayLength());
    }

    [Fact]
    public async Task Listing_is_per_zone()
    {
        Scaleway.SeedInstanceSnapshots("fr-par-2", 2);

        var (_, here) = await CallAsync(HttpMethod.Get, InstanceSnapshots);
        var (_, there) = await CallAsync(HttpMethod.Get, "instance/v1/zones/fr-par-2/snapshots");

        Assert.Equal(0, here.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(2, there.GetProperty("snapshots").GetArrayLength());
    }

    [Fact]
    public async Task Listed_states_are_settled_like_a_get()
    {
        await CreateInstanceSnapshotAsync();
        Clock.Advance(Delay);

        var (_, body) = await CallAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal("available", body.GetProperty("snapshots")[0].GetProperty("state").GetString());
    }

    private static string Link(HttpResponseMessage response) => response.Headers.GetValues("Link").Single();
}
