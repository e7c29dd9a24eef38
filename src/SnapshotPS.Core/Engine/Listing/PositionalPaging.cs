using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Engine.Listing;

/// <summary>
/// One pass over a listing addressed by position (page numbers, offsets). With a total, the pages
/// after the first are read ahead concurrently, at most MaxConcurrentPages at once, and handed on
/// in order; without one, they are read one after another until a short page.
/// </summary>
internal static class PositionalPaging
{
    public static async Task ReadAsync<T>(Func<int, CancellationToken, Task<ListingPage<T>>> fetchPage, ListingPass<T> pass, CancellationToken cancellationToken)
    {
        var first = await fetchPage(0, cancellationToken).ConfigureAwait(false);
        pass.CheckTotal(first, 0);
        if (first.TotalCount is int total) await ReadCountedAsync(fetchPage, pass, first, total, cancellationToken).ConfigureAwait(false);
        else await ReadUncountedAsync(fetchPage, pass, first, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ReadCountedAsync<T>(
        Func<int, CancellationToken, Task<ListingPage<T>>> fetchPage, ListingPass<T> pass, ListingPage<T> first, int firstTotal, CancellationToken cancellationToken)
    {
        var options = pass.Options;
        var lastIndex = LastIndex(firstTotal, options.PageSize);
        await pass.AcceptAsync(first, morePagesFollow: lastIndex > 0, cancellationToken).ConfigureAwait(false);
        if (first.Items.Count == 0)
        {
            if (firstTotal > 0) pass.Moved = true;
            return;
        }

        using var ahead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<(int Index, Task<ListingPage<T>> Page)>();
        var next = 1;
        try
        {
            while (inFlight.Count > 0 || next <= lastIndex)
            {
                while (inFlight.Count < Math.Max(1, options.MaxConcurrentPages) && next <= lastIndex)
                {
                    inFlight.Enqueue((next, fetchPage(next, ahead.Token)));
                    next++;
                }

                var (index, task) = inFlight.Dequeue();
                var page = await task.ConfigureAwait(false);
                pass.CheckTotal(page, index);
                if (page.TotalCount is int total)
                {
                    if (total != firstTotal) pass.Moved = true;
                    lastIndex = Math.Max(lastIndex, LastIndex(total, options.PageSize));
                }
                if (page.Items.Count == 0)
                {
                    pass.Moved = true; // the listing shrank below this page since the total was read
                    return;
                }
                await pass.AcceptAsync(page, morePagesFollow: index < lastIndex, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ahead.Cancel();
            foreach (var (_, pending) in inFlight)
            {
                try { await pending.ConfigureAwait(false); }
                catch (Exception) { /* a page read ahead that is no longer wanted */ }
            }
        }
    }

    private static async Task ReadUncountedAsync<T>(
        Func<int, CancellationToken, Task<ListingPage<T>>> fetchPage, ListingPass<T> pass, ListingPage<T> page, CancellationToken cancellationToken)
    {
        for (var index = 0; ; )
        {
            var more = page.Items.Count > 0 && (page.HasMore ?? page.Items.Count >= pass.Options.PageSize);
            await pass.AcceptAsync(page, more, cancellationToken).ConfigureAwait(false);
            if (!more) break;
            page = await fetchPage(++index, cancellationToken).ConfigureAwait(false);
            pass.CheckTotal(page, index);
        }
        // Without a total nothing shows whether the listing shifted between pages; check it once more.
        if (pass.Pages > 1 && !pass.IsCatchUp) pass.Moved = true;
    }

    private static int LastIndex(int total, int pageSize) => (int)((Math.Max(0L, total) + pageSize - 1) / pageSize) - 1;
}
