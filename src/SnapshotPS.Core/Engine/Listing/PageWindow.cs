using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Engine.Listing;

/// <summary>
/// The pages after the first of a counted listing. As soon as any page arrives another is asked
/// for, so one slow page does not hold the others back; pages are still handed on in order, and
/// while one is being handed on (the consumer may be slow) the window keeps filling. Pages that
/// arrived out of order wait in memory, at most <see cref="MaxPagesAhead"/> beyond the oldest
/// page not yet handed on.
/// </summary>
internal sealed class PageWindow<T>
{
    private readonly Func<int, CancellationToken, Task<ListingPage<T>>> _fetchPage;
    private readonly ListingOptions _options;
    private readonly CancellationToken _fetchToken;
    private readonly Dictionary<int, Task<ListingPage<T>>> _pages = new();
    private int _nextToFetch = 1;
    private int _budget;

    public PageWindow(Func<int, CancellationToken, Task<ListingPage<T>>> fetchPage, ListingOptions options, CancellationToken fetchToken)
    {
        _fetchPage = fetchPage;
        _options = options;
        _fetchToken = fetchToken;
        // With a hint of how many items the consumer wants, no page beyond them is asked for until it asks for more.
        _budget = options.ItemsWanted is int wanted ? PositionalPaging.LastIndex(wanted, options.PageSize) : int.MaxValue;
    }

    private int Concurrency => Math.Max(1, _options.MaxConcurrentPages);

    private int MaxPagesAhead => Math.Max(4 * Concurrency, _options.MaxBufferedItems / _options.PageSize);

    public async Task ReadAsync(ListingPass<T> pass, int firstTotal, int lastIndex, CancellationToken cancellationToken)
    {
        pass.PagesReadAtOnce = Concurrency;
        Task? handingOn = null;
        Task? demand = null;
        var nextToHandOn = 1;
        while (true)
        {
            if (handingOn is { IsCompleted: true })
            {
                await handingOn.ConfigureAwait(false);
                handingOn = null;
            }
            if (demand is { IsCompleted: true })
            {
                await demand.ConfigureAwait(false);
                demand = null;
                _budget = int.MaxValue;
            }
            Fill(lastIndex, nextToHandOn);

            if (handingOn is null && nextToHandOn > lastIndex) return;
            if (handingOn is null && _pages.TryGetValue(nextToHandOn, out var oldest) && oldest.IsCompleted)
            {
                _pages.Remove(nextToHandOn);
                var page = await oldest.ConfigureAwait(false);
                var index = nextToHandOn++;
                pass.CheckTotal(page, index);
                if (page.TotalCount is int total)
                {
                    if (total != firstTotal) pass.Moved = true;
                    lastIndex = Math.Max(lastIndex, PositionalPaging.LastIndex(total, _options.PageSize));
                }
                if (page.Items.Count == 0)
                {
                    pass.Moved = true; // the listing shrank below this page since the total was read
                    return;
                }
                handingOn = pass.AcceptAsync(page, morePagesFollow: index < lastIndex, cancellationToken);
                continue;
            }

            var waits = new List<Task>(_pages.Values.Where(p => !p.IsCompleted));
            if (handingOn is not null) waits.Add(handingOn);
            if (waits.Count == 0 && handingOn is null && !_pages.ContainsKey(nextToHandOn))
            {
                // Every page the hint allowed is handed on: read on only when the consumer asks for more.
                demand ??= pass.Buffer.WhenConsumerWaitsAsync(cancellationToken);
                waits.Add(demand);
            }
            if (waits.Count == 0) continue; // the oldest page arrived since it was looked at
            await Task.WhenAny(waits).ConfigureAwait(false);
        }
    }

    private void Fill(int lastIndex, int nextToHandOn)
    {
        while (!_fetchToken.IsCancellationRequested
               && _nextToFetch <= Math.Min(lastIndex, _budget)
               && _pages.Values.Count(p => !p.IsCompleted) < Concurrency
               && _nextToFetch - nextToHandOn < MaxPagesAhead)
        {
            _pages[_nextToFetch] = _fetchPage(_nextToFetch, _fetchToken);
            _nextToFetch++;
        }
    }

    /// <summary>Waits out pages read ahead that are no longer wanted.</summary>
    public async Task SettleAsync()
    {
        foreach (var pending in _pages.Values)
        {
            try { await pending.ConfigureAwait(false); }
            catch (Exception) { /* a page read ahead that is no longer wanted */ }
        }
    }
}
