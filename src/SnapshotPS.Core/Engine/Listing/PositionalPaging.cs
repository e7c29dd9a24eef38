using System;
using System.Collections.Generic;
using System.Linq;
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
        var lastIndex = LastIndex(firstTotal, pass.Options.PageSize);
        await pass.AcceptAsync(first, morePagesFollow: lastIndex > 0, cancellationToken).ConfigureAwait(false);
        if (first.Items.Count == 0)
        {
            if (firstTotal > 0) pass.Moved = true;
            return;
        }

        if (pass.Options.ItemsWanted is null && !pass.IsCatchUp && lastIndex > 0)
        {
            // Read ahead only once the consumer asks for more than the first page: a pipeline that has
            // enough after it (Select-Object -First) sends no other request.
            await pass.Buffer.WhenConsumerWaitsAsync(cancellationToken).ConfigureAwait(false);
        }

        using var ahead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new PageWindow<T>(fetchPage, pass.Options, ahead.Token);
        try
        {
            await window.ReadAsync(pass, firstTotal, lastIndex, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ahead.Cancel();
            await window.SettleAsync().ConfigureAwait(false);
        }
    }

    private static async Task ReadUncountedAsync<T>(
        Func<int, CancellationToken, Task<ListingPage<T>>> fetchPage, ListingPass<T> pass, ListingPage<T> page, CancellationToken cancellationToken)
    {
        // Without a hint, the first page is what the consumer is known to want (see ReadCountedAsync).
        var hinted = pass.Options.ItemsWanted is int wanted ? wanted : pass.IsCatchUp ? (int?)null : 1;
        for (var index = 0; ; )
        {
            var more = page.Items.Count > 0 && (page.HasMore ?? page.Items.Count >= pass.Options.PageSize);
            await pass.AcceptAsync(page, more, cancellationToken).ConfigureAwait(false);
            if (!more) break;
            if (hinted is int w && (index + 1L) * pass.Options.PageSize >= w)
            {
                // The items the consumer said it wants are handed on: read on only when it asks for more.
                await pass.Buffer.WhenConsumerWaitsAsync(cancellationToken).ConfigureAwait(false);
                hinted = null;
            }
            page = await fetchPage(++index, cancellationToken).ConfigureAwait(false);
            pass.CheckTotal(page, index);
        }
        // Without a total nothing shows whether the listing shifted between pages; check it once more.
        if (pass.Pages > 1 && !pass.IsCatchUp) pass.Moved = true;
    }

    internal static int LastIndex(int total, int pageSize) => (int)((Math.Max(0L, total) + pageSize - 1) / pageSize) - 1;
}
