using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Tests.Engine;

/// <summary>How a listing reports the provider's total (-IncludeTotalCount): from its first page, once, summed over listings.</summary>
public sealed class ListingTotalTests
{
    private static ListingOptions Options(ListingTotal total, int pageSize = 100) =>
        new ListingOptions(CloudProvider.Scaleway, "test items", pageSize) { MaxConcurrentPages = 4 }.CountingInto(total);

    private static Func<int, CancellationToken, Task<ListingPage<string>>> Pages(int count, int pageSize, bool withTotal, int failOnPage = 0) =>
        async (number, ct) =>
        {
            await Task.Yield();
            if (number == failOnPage) throw new CloudApiException(CloudProvider.Scaleway, CloudErrorKind.Network, "page lost");
            var items = Enumerable.Range((number - 1) * pageSize, Math.Max(0, Math.Min(pageSize, count - (number - 1) * pageSize))).Select(i => $"item-{i:D5}").ToList();
            return new ListingPage<string>(items, withTotal ? count : null);
        };

    [Fact]
    public async Task Two_listings_of_many_pages_sum_their_first_pages_totals()
    {
        var total = new ListingTotal();
        var first = CompleteListing.ByPageNumber(Pages(1_250, 100, withTotal: true), s => s, Options(total), CancellationToken.None);
        var second = CompleteListing.ByPageNumber(Pages(30, 100, withTotal: true), s => "b-" + s, Options(total), CancellationToken.None);

        var read = await MergedListing.InOrderReadingAhead([first, second], CancellationToken.None).CountAsync();

        Assert.Equal(1_280, read);
        Assert.True(total.IsSettled);
        Assert.Equal(2, total.Joined);
        Assert.Equal(1_280L, total.Value);
    }

    [Fact]
    public async Task A_listing_whose_provider_gives_no_total_makes_the_sum_unknown()
    {
        var total = new ListingTotal();
        var counted = CompleteListing.ByPageNumber(Pages(10, 5, withTotal: true), s => s, Options(total, 5), CancellationToken.None);
        var uncounted = CompleteListing.ByOffset((offset, ct) => Pages(7, 5, withTotal: false)(offset / 5 + 1, ct), s => "b-" + s, Options(total, 5), CancellationToken.None);

        var read = await MergedListing.InOrderReadingAhead([counted, uncounted], CancellationToken.None).CountAsync();

        Assert.Equal(17, read);
        Assert.True(total.IsSettled);
        Assert.Null(total.Value);
    }

    [Fact]
    public async Task A_listing_that_fails_before_its_first_page_leaves_the_total_unknown_and_settled()
    {
        var total = new ListingTotal();
        var failing = CompleteListing.ByPageNumber(Pages(10, 5, withTotal: true, failOnPage: 1), s => s, Options(total, 5), CancellationToken.None);

        await Assert.ThrowsAsync<CloudApiException>(async () => await failing.CountAsync());

        Assert.True(total.IsSettled);
        Assert.Null(total.Value);
    }

    [Fact]
    public async Task A_consumer_that_stops_after_the_first_item_still_has_the_whole_total()
    {
        var total = new ListingTotal();
        var listing = CompleteListing.ByPageNumber(Pages(2_000, 100, withTotal: true), s => s, Options(total), CancellationToken.None);

        await foreach (var _ in listing)
        {
            break;
        }
        await total.WhenSettledAsync();

        Assert.Equal(2_000L, total.Value);
    }

    [Fact]
    public void Nothing_joined_is_settled_at_zero()
    {
        var total = new ListingTotal();

        Assert.True(total.IsSettled);
        Assert.Equal(0, total.Joined);
        Assert.Equal(0L, total.Value);
    }
}
