using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Engine.Listing;

/// <summary>
/// One pass over a listing where each page names the next (tokens, markers). Such paging resumes
/// after the last item read, so a consumer deleting earlier items does not shift it; the pages
/// are still read ahead of the consumer, so a marker is used before the consumer can delete it.
/// </summary>
internal static class CursorPaging
{
    public static async Task ReadAsync<T>(
        Func<string?, CancellationToken, Task<ListingPage<T>>> fetchPage, Func<ListingPage<T>, string?> nextCursorOf, ListingPass<T> pass, CancellationToken cancellationToken)
    {
        var cursorsSeen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        // Without a hint, the first page is what the consumer is known to want: the next is read once it asks for more.
        var hinted = pass.Options.ItemsWanted ?? (pass.IsCatchUp ? (int?)null : 1);
        var read = 0L;
        while (true)
        {
            var page = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
            pass.CheckTotal(page, 0);
            var next = nextCursorOf(page);
            var more = !string.IsNullOrEmpty(next);
            await pass.AcceptAsync(page, more, cancellationToken).ConfigureAwait(false);
            if (!more) return;
            if (!cursorsSeen.Add(next!)) throw ListingErrors.RepeatedCursor(pass.Options, pass.Pages);
            read += page.Items.Count;
            if (hinted is int wanted && read >= wanted)
            {
                // The items the consumer said it wants are handed on: read on only when it asks for more.
                await pass.Buffer.WhenConsumerWaitsAsync(cancellationToken).ConfigureAwait(false);
                hinted = null;
            }
            cursor = next;
        }
    }
}
