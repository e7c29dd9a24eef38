using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;

namespace SnapshotPS.Tests.Engine;

/// <summary>How many pages a counted listing keeps in flight, and when it asks for more.</summary>
public class ListingWindowTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private static ListingOptions Options(int pageSize, int concurrent, int? wanted = null) =>
        new(CloudProvider.Scaleway, "test items", pageSize) { MaxConcurrentPages = concurrent, ItemsWanted = wanted };

    /// <summary>Pages of numbered items with a total; a page waits for its gate when one is set.</summary>
    private sealed class Pages(int total, int pageSize)
    {
        private int _inFlight;
        public readonly Dictionary<int, TaskCompletionSource> Gates = new();
        public readonly List<int> Requested = new();
        public int MaxInFlight;
        public Action<int>? OnRequest;

        public async Task<ListingPage<string>> Page(int number, CancellationToken ct)
        {
            lock (Requested) Requested.Add(number);
            var now = Interlocked.Increment(ref _inFlight);
            lock (Requested) MaxInFlight = Math.Max(MaxInFlight, now);
            OnRequest?.Invoke(number);
            try
            {
                await Task.Delay(1, ct).ConfigureAwait(false); // completes later, on the thread pool
                if (Gates.TryGetValue(number, out var gate)) await gate.Task.WaitAsync(ct).ConfigureAwait(false);
                var items = Enumerable.Range((number - 1) * pageSize, Math.Max(0, Math.Min(pageSize, total - (number - 1) * pageSize)))
                    .Select(i => $"item-{i:D5}").ToList();
                return new ListingPage<string>(items, total);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private static async Task<List<string>> Drain(IAsyncEnumerable<string> listing)
    {
        var items = new List<string>();
        await foreach (var item in listing) items.Add(item);
        return items;
    }

    [Fact]
    public async Task ASlowPageDoesNotHoldBackTheRequestsForTheOthers()
    {
        var pages = new Pages(total: 100, pageSize: 10);
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pages.Gates[2] = slow;
        var lastRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pages.OnRequest = number => { if (number == 10) lastRequested.TrySetResult(); };

        var listing = Task.Run(() => Drain(CompleteListing.ByPageNumber(pages.Page, s => s, Options(10, concurrent: 2), CancellationToken.None)));

        // Page 2 is held at its gate: with two pages in flight, pages 3 to 10 can only be asked for
        // if the window refills as any page arrives, not in page order.
        await lastRequested.Task.WaitAsync(Generous);
        Assert.False(listing.IsCompleted);
        slow.SetResult();
        var items = await listing;

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"item-{i:D5}"), items);
        Assert.True(pages.MaxInFlight <= 2, $"{pages.MaxInFlight} pages were in flight at once");
    }

    [Fact]
    public async Task SixteenPagesAreInFlightAtOnceByDefault()
    {
        var pages = new Pages(total: 1000, pageSize: 10);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var number = 2; number <= 100; number++) pages.Gates[number] = held;
        var sixteen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pages.OnRequest = _ => { lock (pages.Requested) if (pages.Requested.Count == 17) sixteen.TrySetResult(); };

        var listing = Task.Run(() => Drain(CompleteListing.ByPageNumber(pages.Page, s => s, new ListingOptions(CloudProvider.Scaleway, "test items", 10), CancellationToken.None)));

        await sixteen.Task.WaitAsync(Generous); // the first page, then sixteen held at their gates
        held.SetResult();
        Assert.Equal(1000, (await listing).Count);
        Assert.Equal(16, pages.MaxInFlight);
    }

    [Fact]
    public void ConnectionsReadSixteenPagesAheadUnlessToldOtherwise()
    {
        Assert.Equal(16, new ListingOptions(CloudProvider.Scaleway, "test items", 10).MaxConcurrentPages);
        Assert.Equal(16, new ScalewayConnectionSettings().ConcurrentPages);
        Assert.Equal(ConnectionSettings.MaxConcurrentPages, new ScalewayConnectionSettings().ConcurrentPages);
    }

    [Fact]
    public async Task AListingToldHowManyItemsAreWantedAsksOnlyForTheirPages()
    {
        var pages = new Pages(total: 100, pageSize: 10);
        var taken = new List<string>();
        await using (var enumerator = CompleteListing.ByPageNumber(pages.Page, s => s, Options(10, concurrent: 16, wanted: 15), CancellationToken.None)
                         .GetAsyncEnumerator())
        {
            while (taken.Count < 15 && await enumerator.MoveNextAsync()) taken.Add(enumerator.Current);
        }

        Assert.Equal(15, taken.Count);
        Assert.Equal(new[] { 1, 2 }, pages.Requested.OrderBy(n => n));
    }

    [Fact]
    public async Task AListingToldHowManyItemsAreWantedStillHandsOnEverythingWhenAskedForMore()
    {
        var pages = new Pages(total: 95, pageSize: 10);

        var items = await Drain(CompleteListing.ByPageNumber(pages.Page, s => s, Options(10, concurrent: 4, wanted: 15), CancellationToken.None));

        Assert.Equal(Enumerable.Range(0, 95).Select(i => $"item-{i:D5}"), items);
        Assert.Equal(Enumerable.Range(1, 10), pages.Requested.OrderBy(n => n));
    }

    [Fact]
    public async Task MergedListingsAreBothReadBeforeEitherEnds()
    {
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async IAsyncEnumerable<string> Listing(string name, TaskCompletionSource started, TaskCompletionSource other)
        {
            started.SetResult();
            await other.Task.WaitAsync(Generous); // ends only once the other listing has started
            yield return name;
        }

        var items = await Drain(MergedListing.InOrderReadingAhead(new[] { Listing("a", firstStarted, secondStarted), Listing("b", secondStarted, firstStarted) }, CancellationToken.None));

        Assert.Equal(new[] { "a", "b" }, items);
    }

    [Fact]
    public async Task MergedListingsHandOnTheirItemsInTheOrderTheListingsAreGiven()
    {
        // The second listing answers first; its items still come after the first listing's, so a
        // listing reads the same with and without -First and -Skip.
        var firstMayAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async IAsyncEnumerable<string> Slow()
        {
            await firstMayAnswer.Task.WaitAsync(Generous);
            yield return "a1";
            yield return "a2";
        }

        async IAsyncEnumerable<string> Fast()
        {
            await Task.Yield();
            firstMayAnswer.TrySetResult(); // the first listing answers only once this one has
            yield return "b1";
            yield return "b2";
        }

        var items = await Drain(MergedListing.InOrderReadingAhead(new[] { Slow(), Fast() }, CancellationToken.None));

        Assert.Equal(new[] { "a1", "a2", "b1", "b2" }, items);
    }

    [Fact]
    public async Task PagesArrivingWhileTheWindowLooksAtThemAreHandedOn()
    {
        // Pages finish on other threads at any moment, also between the window looking at the oldest
        // page and waiting for the next to arrive: many small listings make that moment likely.
        static async Task<ListingPage<string>> Page(int number, CancellationToken ct)
        {
            await Task.Yield();
            return new ListingPage<string>(new[] { $"item-{number:D4}" }, 100);
        }

        var listings = Enumerable.Range(0, 300).Select(i => Task.Run(() =>
            Drain(CompleteListing.ByPageNumber(Page, s => s, Options(1, concurrent: 1 + i % 2), CancellationToken.None)))).ToList();

        foreach (var items in await Task.WhenAll(listings)) Assert.Equal(100, items.Count);
    }
}
