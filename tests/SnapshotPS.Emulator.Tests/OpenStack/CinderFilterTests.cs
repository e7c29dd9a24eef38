namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>List filters by microversion, and all_tenants for admins only.</summary>
public sealed class CinderFilterTests : OpenStackTestBase
{
    [Fact]
    public async Task Name_status_and_volume_id_are_exact_filters()
    {
        var session = await CinderSessionAsync();
        var first = OpenStack.AddVolume();
        var second = OpenStack.AddVolume();
        OpenStack.SeedSnapshots(first, 3, "first-");
        OpenStack.SeedSnapshots(second, 2, "second-", status: "error");

        Assert.Equal(["first-0002"], Names(await CinderAsync(session, HttpMethod.Get, "/snapshots?name=first-0002")));
        Assert.Equal(["second-0002", "second-0001"], Names(await CinderAsync(session, HttpMethod.Get, "/snapshots?status=error")));
        Assert.Equal(["first-0003", "first-0002", "first-0001"], Names(await CinderAsync(session, HttpMethod.Get, $"/snapshots?volume_id={first}")));
        Assert.Empty(Names(await CinderAsync(session, HttpMethod.Get, "/snapshots?name=first")));
    }

    [Fact]
    public async Task Metadata_filter_takes_a_dict_literal_from_3_22()
    {
        var session = await CinderSessionAsync();
        var volume = OpenStack.AddVolume();
        OpenStack.SeedSnapshots(volume, 2, "tagged-", metadata: new Dictionary<string, string> { ["policy"] = "nightly", ["tier"] = "gold" });
        OpenStack.SeedSnapshots(volume, 2, "plain-");

        var filtered = await CinderAsync(session, HttpMethod.Get, "/snapshots?metadata=" + Uri.EscapeDataString("{'policy':'nightly'}"), version: "3.22");
        var both = await CinderAsync(session, HttpMethod.Get, "/snapshots?metadata=" + Uri.EscapeDataString("{\"policy\": \"nightly\", \"tier\": \"silver\"}"), version: "3.22");
        var early = await CinderAsync(session, HttpMethod.Get, "/snapshots?metadata=" + Uri.EscapeDataString("{'policy':'nightly'}"), version: "3.21");

        Assert.Equal(["tagged-0002", "tagged-0001"], Names(filtered));
        Assert.Empty(Names(both));
        Assert.Equal(4, Names(early).Length);
    }

    [Fact]
    public async Task Like_filter_from_3_34()
    {
        var session = await CinderSessionAsync();
        OpenStack.SeedSnapshots(OpenStack.AddVolume(), 2, "nightly-");

        var answer = await CinderAsync(session, HttpMethod.Get, "/snapshots?name~=GHTLY-0001", version: "3.34");

        Assert.Equal(["nightly-0001"], Names(answer));
    }

    [Fact]
    public async Task Unknown_filter_is_dropped_before_3_31_and_refused_for_non_admins_from_3_31()
    {
        var session = await CinderSessionAsync();
        var admin = await CinderSessionAsync(OpenStackFake.AdminUserName, OpenStackFake.AdminPassword, OpenStackFake.DemoProjectName);
        OpenStack.SeedSnapshots(OpenStack.AddVolume(), 2);

        var dropped = await CinderAsync(session, HttpMethod.Get, "/snapshots?bogus=1", version: "3.30");
        var refused = await CinderAsync(session, HttpMethod.Get, "/snapshots?bogus=1", version: "3.31");
        var adminIgnored = await CinderAsync(admin, HttpMethod.Get, "/snapshots?bogus=1", version: "3.31");

        Assert.Equal(2, Names(dropped).Length);
        AssertCinderFault(refused, 400, "badRequest", "Invalid filters bogus are found in query options.");
        Assert.Equal(2, Names(adminIgnored).Length);
    }

    [Fact]
    public async Task Filters_page_by_marker_across_many_pages()
    {
        var session = await CinderSessionAsync();
        var volume = OpenStack.AddVolume();
        var wanted = OpenStack.SeedSnapshots(volume, 300, "a-");
        OpenStack.SeedSnapshots(OpenStack.AddVolume(), 300, "b-");
        var seen = new List<string>();
        string? marker = null;

        do
        {
            var answer = await CinderAsync(session, HttpMethod.Get, $"/snapshots?volume_id={volume}&limit=70&sort=created_at:asc" + (marker is null ? "" : "&marker=" + marker));
            var ids = answer.Body.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
            seen.AddRange(ids);
            marker = answer.Body.TryGetProperty("snapshots_links", out _) ? ids[^1] : null;
        }
        while (marker is not null);

        Assert.Equal(wanted, seen);
    }

    [Fact]
    public async Task All_tenants_lists_every_project_for_an_admin_and_is_ignored_for_a_member()
    {
        var member = await CinderSessionAsync();
        var admin = await CinderSessionAsync(OpenStackFake.AdminUserName, OpenStackFake.AdminPassword, OpenStackFake.AdminProjectName);
        OpenStack.SeedSnapshots(OpenStack.AddVolume(OpenStackFake.DemoProjectId), 2, "demo-");
        OpenStack.SeedSnapshots(OpenStack.AddVolume(OpenStackFake.AdminProjectId), 3, "admin-");

        var memberAll = await CinderAsync(member, HttpMethod.Get, "/snapshots/detail?all_tenants=1");
        var adminOwn = await CinderAsync(admin, HttpMethod.Get, "/snapshots");
        var adminAll = await CinderAsync(admin, HttpMethod.Get, "/snapshots/detail?all_tenants=True");

        Assert.Equal(["demo-0002", "demo-0001"], Names(memberAll));
        Assert.Equal(3, Names(adminOwn).Length);
        Assert.Equal(5, Names(adminAll).Length);
        Assert.Equal(2, adminAll.Body.GetProperty("snapshots").EnumerateArray()
            .Count(s => s.GetProperty("os-extended-snapshot-attributes:project_id").GetString() == OpenStackFake.DemoProjectId));
    }

    [Fact]
    public async Task Regions_have_separate_snapshots()
    {
        var one = await CinderSessionAsync(region: RegionOne);
        var two = await CinderSessionAsync(region: RegionTwo);
        OpenStack.SeedSnapshots(OpenStack.AddVolume(region: RegionTwo), 1, "two-");

        Assert.Empty(Names(await CinderAsync(one, HttpMethod.Get, "/snapshots")));
        Assert.Equal(["two-0001"], Names(await CinderAsync(two, HttpMethod.Get, "/snapshots")));
    }
}
