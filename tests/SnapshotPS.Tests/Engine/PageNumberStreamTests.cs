using SnapshotPS.Core.Engine;

namespace SnapshotPS.Tests.Engine;

public class PageNumberStreamTests
{
    private sealed class FakePages
    {
        private readonly int _total;
        private readonly int _pageSize;
        private int _inFlight;
        public int MaxInFlight;
        public List<int> Requested { get; } = new();
        public int Cancelled;

        public FakePages(int total, int pageSize) { _total = total; _pageSize = pageSize; }

        public async Task<NumberedPage<int>> Fetch(int page, CancellationToken ct, bool reportTotal = true)
        {
            lock (Requested) Requested.Add(page);
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref MaxInFlight, now);
            try
            {
                // Later pages take longer, so some are still in flight when an early page is consumed.
                await Task.Delay(page == 1 ? 1 : 10 * page, ct);
                var items = Enumerable.Range((page - 1) * _pageSize, _pageSize).Where(i => i < _total).ToList();
                return new NumberedPage<int>(items, reportTotal ? _total : null);
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

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while (value > (seen = target) && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
        }
    }

    [Fact]
    public async Task YieldsEveryItemOnceInOrderAcrossPages()
    {
        var pages = new FakePages(total: 95, pageSize: 10);
        var items = new List<int>();
        await foreach (var item in PageNumberStream.ReadAsync((p, ct) => pages.Fetch(p, ct), 10, 4, CancellationToken.None))
            items.Add(item);
        Assert.Equal(Enumerable.Range(0, 95), items);
        Assert.Equal(10, pages.Requested.Count);
    }

    [Fact]
    public async Task PrefetchesPagesConcurrentlyButNeverMoreThanTheBound()
    {
        var pages = new FakePages(total: 200, pageSize: 10);
        await foreach (var _ in PageNumberStream.ReadAsync((p, ct) => pages.Fetch(p, ct), 10, 3, CancellationToken.None)) { }
        Assert.InRange(pages.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task StoppingEarlyCancelsThePagesInFlight()
    {
        var pages = new FakePages(total: 1000, pageSize: 10);
        var taken = 0;
        await foreach (var _ in PageNumberStream.ReadAsync((p, ct) => pages.Fetch(p, ct), 10, 4, CancellationToken.None))
        {
            if (++taken == 15) break;
        }
        Assert.True(pages.Requested.Count < 10, $"requested {pages.Requested.Count} pages for 15 items");
        Assert.True(pages.Cancelled > 0);
    }

    [Fact]
    public async Task WithoutATotalReadsUntilAShortPage()
    {
        var pages = new FakePages(total: 35, pageSize: 10);
        var items = new List<int>();
        await foreach (var item in PageNumberStream.ReadAsync((p, ct) => pages.Fetch(p, ct, reportTotal: false), 10, 4, CancellationToken.None))
            items.Add(item);
        Assert.Equal(35, items.Count);
        Assert.Equal(new[] { 1, 2, 3, 4 }, pages.Requested);
    }

    [Fact]
    public async Task TheFirstItemArrivesBeforeLaterPagesAreRead()
    {
        var pages = new FakePages(total: 100, pageSize: 10);
        await using var enumerator = PageNumberStream.ReadAsync((p, ct) => pages.Fetch(p, ct), 10, 2, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(new[] { 1 }, pages.Requested);
    }

    /// <summary>A numbered listing that really shifts: removing an item moves every later one a place back.</summary>
    private sealed class ShrinkingListing
    {
        private readonly List<int> _items;
        private readonly int _pageSize;

        public ShrinkingListing(int total, int pageSize) { _items = Enumerable.Range(0, total).ToList(); _pageSize = pageSize; }

        public int Requests;

        public async Task<NumberedPage<int>> Fetch(int page, CancellationToken ct)
        {
            Interlocked.Increment(ref Requests);
            await Task.Yield();
            lock (_items) return new NumberedPage<int>(_items.Skip((page - 1) * _pageSize).Take(_pageSize).ToList(), _items.Count);
        }

        public void Remove(int item) { lock (_items) _items.Remove(item); }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task AConsumerRemovingEachItemItIsGivenStillGetsEveryItemOnce(int concurrentPages)
    {
        var listing = new ShrinkingListing(total: 253, pageSize: 40);
        var items = new List<int>();
        await foreach (var item in PageNumberStream.ReadAsync((p, ct) => listing.Fetch(p, ct), 40, concurrentPages, i => i.ToString(), CancellationToken.None))
        {
            items.Add(item);
            listing.Remove(item);
        }
        Assert.Equal(Enumerable.Range(0, 253), items);
    }

    [Fact]
    public async Task AnUnchangedListingIsReadOncePerPageWithAKey()
    {
        var pages = new FakePages(total: 95, pageSize: 10);
        var items = new List<int>();
        await foreach (var item in PageNumberStream.ReadAsync((p, ct) => pages.Fetch(p, ct), 10, 4, i => i.ToString(), CancellationToken.None))
            items.Add(item);
        Assert.Equal(Enumerable.Range(0, 95), items);
        Assert.Equal(Enumerable.Range(1, 10), pages.Requested.Order());
    }
}
