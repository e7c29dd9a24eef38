using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>GET /snapshots and /snapshots/detail: views, paging by limit, marker and next links over many pages, offsets, sorting.</summary>
public sealed class CinderListTests : OpenStackTestBase
{
    [Fact]
    public async Task Summary_list_has_only_the_summary_fields_and_detail_adds_the_extended_ones()
    {
        var session = await CinderSessionAsync();
        OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1);

        var summary = (await CinderAsync(session, HttpMethod.Get, "/snapshots", version: "3.71")).Body.GetProperty("snapshots")[0];
        var detail = (await CinderAsync(session, HttpMethod.Get, "/snapshots/detail", version: "3.71")).Body.GetProperty("snapshots")[0];

        Assert.Equal(["created_at", "description", "id", "metadata", "name", "size", "status", "updated_at", "volume_id"],
            summary.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Equal(OpenStackFake.DemoProjectId, detail.GetProperty("os-extended-snapshot-attributes:project_id").GetString());
        Assert.Equal("100%", detail.GetProperty("os-extended-snapshot-attributes:progress").GetString());
        Assert.True(detail.GetProperty("consumes_quota").GetBoolean());
        Assert.Equal(JsonValueKind.Object, summary.GetProperty("metadata").ValueKind);
    }

    [Fact]
    public async Task Default_order_is_newest_first()
    {
        var session = await CinderSessionAsync();
        var volume = OpenStack.AddVolume();
        OpenStack.SeedSnapshots(volume, 3, "old-");
        Clock.Advance(TimeSpan.FromSeconds(1));
        await CreateSnapshotAsync(session, volume, "newest");

        var answer = await CinderAsync(session, HttpMethod.Get, "/snapshots");

        Assert.Equal(["newest", "old-0003", "old-0002", "old-0001"], Names(answer));
        Assert.False(answer.Body.TryGetProperty("snapshots_links", out _));
    }

    [Fact]
    public async Task Marker_paging_with_next_links_reads_1200_snapshots_once_each_in_order()
    {
        var session = await CinderSessionAsync();
        var seeded = OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1200);
        var url = session.Url + "/snapshots/detail?limit=100&status=available";
        var seen = new List<string>();
        var pages = 0;

        while (true)
        {
            var answer = await SendAsync(HttpMethod.Get, url, token: session.Token);
            Assert.Equal(200, answer.Status);
            var ids = answer.Body.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
            seen.AddRange(ids);
            pages++;
            if (!answer.Body.TryGetProperty("snapshots_links", out var links)) break;
            var next = Assert.Single(links.EnumerateArray().ToArray());
            Assert.Equal("next", next.GetProperty("rel").GetString());
            url = next.GetProperty("href").GetString()!;
            Assert.Contains("/snapshots/detail?limit=100&status=available&marker=" + ids[^1], url);
            Assert.True(pages < 50, "next links did not end");
        }

        Assert.Equal(seeded.Reverse(), seen);
        Assert.Equal(13, pages);
    }

    [Fact]
    public async Task Without_a_limit_a_page_holds_1000_and_links_on_and_a_larger_limit_is_capped()
    {
        var session = await CinderSessionAsync();
        OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1001);

        var first = await CinderAsync(session, HttpMethod.Get, "/snapshots");
        var capped = await CinderAsync(session, HttpMethod.Get, "/snapshots?limit=5000");
        var href = first.Body.GetProperty("snapshots_links")[0].GetProperty("href").GetString()!;
        var second = await SendAsync(HttpMethod.Get, href, token: session.Token);

        Assert.Equal(1000, first.Body.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(1000, capped.Body.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(["seed-0001"], Names(second));
        Assert.False(second.Body.TryGetProperty("snapshots_links", out _));
    }

    [Fact]
    public async Task An_exactly_full_last_page_links_to_an_empty_page_without_links()
    {
        var session = await CinderSessionAsync();
        OpenStack.SeedSnapshots(OpenStack.AddVolume(), 4);

        var second = await CinderAsync(session, HttpMethod.Get, "/snapshots?limit=2&marker=" +
            (await CinderAsync(session, HttpMethod.Get, "/snapshots?limit=2")).Body.GetProperty("snapshots")[1].GetProperty("id").GetString());
        var third = await SendAsync(HttpMethod.Get, second.Body.GetProperty("snapshots_links")[0].GetProperty("href").GetString()!, token: session.Token);

        Assert.Equal(["seed-0002", "seed-0001"], Names(second));
        Assert.Empty(Names(third));
        Assert.False(third.Body.TryGetProperty("snapshots_links", out _));
    }

    [Fact]
    public async Task Offset_skips_and_is_copied_into_the_next_link()
    {
        var session = await CinderSessionAsync();
        OpenStack.SeedSnapshots(OpenStack.AddVolume(), 10);

        var answer = await CinderAsync(session, HttpMethod.Get, "/snapshots?offset=3&limit=2");

        Assert.Equal(["seed-0007", "seed-0006"], Names(answer));
        Assert.Contains("offset=3&limit=2&marker=", answer.Body.GetProperty("snapshots_links")[0].GetProperty("href").GetString());
    }

    [Fact]
    public async Task Sort_by_name_ascending_from_3_30_and_refused_before()
    {
        var session = await CinderSessionAsync();
        var volume = OpenStack.AddVolume();
        OpenStack.SeedSnapshots(volume, 2, "b-");
        OpenStack.SeedSnapshots(volume, 2, "a-");

        var sorted = await CinderAsync(session, HttpMethod.Get, "/snapshots?sort=name:asc", version: "3.30");
        var paged = await CinderAsync(session, HttpMethod.Get, "/snapshots?sort=name:asc&limit=2&marker=" +
            sorted.Body.GetProperty("snapshots")[1].GetProperty("id").GetString(), version: "3.30");
        var legacy = await CinderAsync(session, HttpMethod.Get, "/snapshots?sort_key=created_at&sort_dir=asc");
        var early = await CinderAsync(session, HttpMethod.Get, "/snapshots?sort=name:asc", version: "3.29");

        Assert.Equal(["a-0001", "a-0002", "b-0001", "b-0002"], Names(sorted));
        Assert.Equal(["b-0001", "b-0002"], Names(paged));
        Assert.Equal(["b-0001", "b-0002", "a-0001", "a-0002"], Names(legacy));
        AssertCinderFault(early, 400, "badRequest", "Invalid input received: Invalid sort key");
    }

    [Theory]
    [InlineData("limit=abc", "limit param must be an integer")]
    [InlineData("limit=-1", "limit param must be positive")]
    [InlineData("offset=x", "offset param must be an integer")]
    [InlineData("sort=name:up", "Invalid input received: Unknown sort direction, must be 'desc' or 'asc'")]
    [InlineData("sort=bogus", "Invalid input received: Invalid sort key")]
    [InlineData("sort=id&sort_key=name", "The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be used with the 'sort' parameter.")]
    public async Task Bad_paging_or_sorting_gives_400(string query, string message)
    {
        var session = await CinderSessionAsync();

        AssertCinderFault(await CinderAsync(session, HttpMethod.Get, "/snapshots?" + query, version: "3.30"), 400, "badRequest", message);
    }

    [Fact]
    public async Task Unknown_marker_gives_404()
    {
        var session = await CinderSessionAsync();

        AssertCinderFault(await CinderAsync(session, HttpMethod.Get, "/snapshots?marker=5aa119a8-d25b-45a7-8d1b-88e127885635"), 404, "itemNotFound",
            "Snapshot 5aa119a8-d25b-45a7-8d1b-88e127885635 could not be found.");
    }

    [Fact]
    public async Task With_count_from_3_45_gives_the_total_and_links_when_limit_is_at_most_count()
    {
        var session = await CinderSessionAsync();
        OpenStack.SeedSnapshots(OpenStack.AddVolume(), 5);

        var answer = await CinderAsync(session, HttpMethod.Get, "/snapshots?with_count=true&limit=2", version: "3.45");

        Assert.Equal(5, answer.Body.GetProperty("count").GetInt32());
        Assert.True(answer.Body.TryGetProperty("snapshots_links", out _));
    }

    [Fact]
    public async Task Limit_zero_gives_an_empty_page_without_links()
    {
        var session = await CinderSessionAsync();
        OpenStack.SeedSnapshots(OpenStack.AddVolume(), 3);

        var answer = await CinderAsync(session, HttpMethod.Get, "/snapshots?limit=0");

        Assert.Empty(Names(answer));
        Assert.False(answer.Body.TryGetProperty("snapshots_links", out _));
    }
}
