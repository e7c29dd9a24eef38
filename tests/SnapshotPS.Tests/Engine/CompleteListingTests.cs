using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Tests.Engine;

public class CompleteListingTests
{
    private static ListingOptions Options(int pageSize, int concurrent = 4) =>
        new(CloudProvider.Scaleway, "test items", pageSize) { MaxConcurrentPages = concurrent };

    /// <summary>Items kept in creation order that a consumer may delete while they are paged.</summary>
    private sealed class Store
    {
        private readonly List<string> _items;
        private int _inFlight;
        public int MaxInFlight;
        public int Cancelled;
        public List<int> Requested { get; } = new();

        public Store(int count) => _items = Enumerable.Range(0, count).Select(i => $"item-{i:D5}").ToList();

        public int Count { get { lock (_items) return _items.Count; } }

        public void Delete(string id) { lock (_items) _items.Remove(id); }

        public void Prepend(string id) { lock (_items) _items.Insert(0, id); }

        public async Task<ListingPage<string>> Page(int number, int size, CancellationToken ct, bool withTotal = true, bool? hasMore = null)
        {
            lock (Requested) Requested.Add(number);
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref MaxInFlight, now);
            try
            {
                // Later pages take longer, so some are still in flight when an early page is consumed.
                await Task.Delay(number == 1 ? 1 : Math.Min(5 * number, 40), ct);
                lock (_items)
                {
                    var items = _items.Skip((number - 1) * size).Take(size).ToList();
                    var more = hasMore is null ? (bool?)null : (number * size < _items.Count);
                    return new ListingPage<string>(items, withTotal ? _items.Count : null, more);
                }
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref Cancelled);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        /// <summary>Keyset paging: the items after the marker.</summary>
        public Task<ListingPage<string>> After(string? marker, int size)
        {
            lock (_items)
            {
                var items = _items.Where(i => marker is null || string.CompareOrdinal(i, marker) > 0).Take(size).ToList();
                return Task.FromResult(new ListingPage<string>(items));
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while (value > (seen = target) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
        }
    }

    private static async Task<List<string>> Drain(IAsyncEnumerable<string> listing, Action<string>? eachItem = null)
    {
        var items = new List<string>();
        await foreach (var item in listing)
        {
            items.Add(item);
            eachItem?.Invoke(item);
        }
        return items;
    }

    [Fact]
    public async Task YieldsEveryItemOnceInOrderAcrossPages()
    {
        var store = new Store(95);
        var items = await Drain(CompleteListing.ByPageNumber((p, ct) => store.Page(p, 10, ct), s => s, Options(10), CancellationToken.None));
        Assert.Equal(Enumerable.Range(0, 95).Select(i => $"item-{i:D5}"), items);
        Assert.Equal(10, store.Requested.Count);
    }

    [Fact]
    public async Task PrefetchesPagesConcurrentlyButNeverMoreThanTheBound()
    {
        var store = new Store(200);
        await Drain(CompleteListing.ByPageNumber((p, ct) => store.Page(p, 10, ct), s => s, Options(10, concurrent: 3), CancellationToken.None));
        Assert.InRange(store.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task StoppingEarlyCancelsThePagesInFlight()
    {
        var store = new Store(10_000);
        var taken = 0;
        await foreach (var _ in CompleteListing.ByPageNumber((p, ct) => store.Page(p, 10, ct), s => s, Options(10), CancellationToken.None))
        {
            if (++taken == 15) break;
        }
        Assert.True(store.Requested.Count < 100, $"requested {store.Requested.Count} of 1000 pages for 15 items");
        Assert.True(store.Cancelled > 0);
    }

    [Fact]
    public async Task TheFirstItemArrivesWhileLaterPagesAreStillBeingRead()
    {
        var later = new TaskCompletionSource();
        var store = new Store(100);
        var listing = CompleteListing.ByPageNumber(async (p, ct) =>
        {
            if (p > 1) await later.Task.WaitAsync(ct);
            return await store.Page(p, 10, ct);
        }, s => s, Options(10), CancellationToken.None);

        await using var enumerator = listing.GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("item-00000", enumerator.Current);
        later.SetResult();
    }

    [Theory]
    [InlineData(1000, 100)]
    [InlineData(1000, 10)]
    [InlineData(301, 7)]
    [InlineData(120, 1)]
    public async Task AConsumerDeletingEachItemStillGetsEveryItemByPageNumber(int count, int pageSize)
    {
        var store = new Store(count);
        var items = await Drain(CompleteListing.ByPageNumber((p, ct) => store.Page(p, pageSize, ct), s => s, Options(pageSize), CancellationToken.None), store.Delete);
        Assert.Equal(count, items.Distinct().Count());
        Assert.Equal(count, items.Count);
        Assert.Equal(0, store.Count);
    }

    [Theory]
    [InlineData(500, 25)]
    [InlineData(60, 1)]
    public async Task AConsumerDeletingEachItemStillGetsEveryItemByOffsetWithoutATotal(int count, int pageSize)
    {
        var store = new Store(count);
        var listing = CompleteListing.ByOffset((offset, ct) => store.Page(offset / pageSize + 1, pageSize, ct, withTotal: false, hasMore: true),
            s => s, Options(pageSize), CancellationToken.None);
        var items = await Drain(listing, store.Delete);
        Assert.Equal(count, items.Distinct().Count());
        Assert.Equal(count, items.Count);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task AConsumerDeletingEachItemStillGetsEveryItemByMarker()
    {
        var store = new Store(250);
        var listing = CompleteListing.ByMarker((marker, _) => store.After(marker, 20), s => s, Options(20), CancellationToken.None);
        var items = await Drain(listing, store.Delete);
        Assert.Equal(250, items.Distinct().Count());
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task AListingReadWithoutChangesIsReadOnce()
    {
        var store = new Store(1000);
        var items = await Drain(CompleteListing.ByPageNumber((p, ct) => store.Page(p, 100, ct), s => s, Options(100), CancellationToken.None));
        Assert.Equal(1000, items.Count);
        Assert.Equal(Enumerable.Range(1, 10), store.Requested.OrderBy(p => p));
    }

    [Fact]
    public async Task WithoutATotalReadsUntilAShortPageThenChecksOnce()
    {
        var store = new Store(35);
        var items = await Drain(CompleteListing.ByPageNumber((p, ct) => store.Page(p, 10, ct, withTotal: false), s => s, Options(10), CancellationToken.None));
        Assert.Equal(35, items.Count);
        Assert.Equal(new[] { 1, 2, 3, 4, 1, 2, 3, 4 }, store.Requested);
    }

    [Fact]
    public async Task ARepeatedTokenEndsWithATypedErrorInsteadOfALoop()
    {
        var requests = 0;
        var listing = CompleteListing.ByToken((token, _) =>
        {
            Interlocked.Increment(ref requests);
            return Task.FromResult(new ListingPage<string>(new[] { $"item-{requests}" }, nextCursor: "same-token"));
        }, s => s, Options(1), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => Drain(listing));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains("next-page token", failure.Message);
        Assert.Equal(2, requests);
    }

    [Fact]
    public async Task FullPagesOfNothingNewWithoutATotalEndWithATypedError()
    {
        var requests = 0;
        var page = Enumerable.Range(0, 10).Select(i => $"item-{i}").ToList();
        var listing = CompleteListing.ByPageNumber((_, _) =>
        {
            Interlocked.Increment(ref requests);
            return Task.FromResult(new ListingPage<string>(page));
        }, s => s, Options(10), CancellationToken.None);

        var items = new List<string>();
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => Drain(listing, items.Add));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains("not advancing", failure.Message);
        Assert.Equal(page, items);
        Assert.Equal(4, requests);
    }

    [Fact]
    public async Task AWindowOfPagesReadBeforeTheListingShiftedIsNotTakenForStuckPaging()
    {
        // Pages 2 to 6 were all in flight before deletes shifted the listing, so each shows an item
        // already handed on; read again, they hold what they should.
        var items = Enumerable.Range(0, 20).Select(i => $"item-{i:D2}").ToList();
        var reads = new int[21];
        var listing = CompleteListing.ByPageNumber((number, _) =>
        {
            var stale = Interlocked.Increment(ref reads[number]) == 1 && number is >= 2 and <= 6;
            var item = stale ? items[0] : items[number - 1];
            return Task.FromResult(new ListingPage<string>(new[] { item }, totalCount: items.Count));
        }, s => s, Options(1, concurrent: 8), CancellationToken.None);

        var listed = await Drain(listing);

        Assert.Equal(items, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FreshTokensOverPagesOfNothingNewEndWithATypedError()
    {
        var requests = 0;
        var listing = CompleteListing.ByToken((_, _) =>
        {
            var n = Interlocked.Increment(ref requests);
            return Task.FromResult(new ListingPage<string>(new[] { "a", "b" }, nextCursor: $"token-{n}"));
        }, s => s, Options(2), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => Drain(listing));

        Assert.Contains("not advancing", failure.Message);
        Assert.Equal(4, requests);
    }

    [Fact]
    public async Task MoreItemsThanTheReportedTotalEndWithATypedError()
    {
        var listing = CompleteListing.ByPageNumber((p, _) =>
            Task.FromResult(new ListingPage<string>(Enumerable.Range(0, 10).Select(i => $"p{p}-{i}").ToList(), totalCount: 15)),
            s => s, Options(10), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => Drain(listing));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains("more test items than the total of 15", failure.Message);
    }

    [Fact]
    public async Task AListingThatKeepsChangingEndsWithATypedErrorAfterBoundedPasses()
    {
        var store = new Store(30);
        var created = 0;
        var listing = CompleteListing.ByPageNumber((p, ct) =>
        {
            store.Prepend($"new-{Interlocked.Increment(ref created):D5}");
            return store.Page(p, 10, ct);
        }, s => s, Options(10, concurrent: 1), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => Drain(listing));

        Assert.Equal(CloudErrorKind.Conflict, failure.Kind);
        Assert.Contains("kept changing", failure.Message);
    }

    [Fact]
    public async Task AnItemWithoutAnIdEndsWithATypedError()
    {
        var listing = CompleteListing.ByPageNumber((_, _) => Task.FromResult(new ListingPage<string>(new[] { "a", "" }, totalCount: 2)),
            s => s, Options(10), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => Drain(listing));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
    }
}
