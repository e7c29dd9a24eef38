using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Engine;

/// <summary>One page of a numbered listing, with the total when the provider tells it.</summary>
public sealed class NumberedPage<T>
{
    public NumberedPage(IReadOnlyList<T> items, int? totalCount)
    {
        Items = items;
        TotalCount = totalCount;
    }

    public IReadOnlyList<T> Items { get; }
    public int? TotalCount { get; }
}

/// <summary>
/// Streams a listing paged by page number. The first page is yielded as soon as it arrives; once
/// the total is known, the following pages are fetched ahead, at most a few at a time, and yielded
/// in order. Stopping the enumeration early cancels the pages still in flight.
/// </summary>
public static class PageNumberStream
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Func<int, CancellationToken, Task<NumberedPage<T>>> fetchPage,
        int pageSize,
        int maxConcurrentPages,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = await fetchPage(1, cancellationToken).ConfigureAwait(false);
        foreach (var item in first.Items) yield return item;
        if (first.Items.Count == 0) yield break;

        if (first.TotalCount is not int total)
        {
            await foreach (var item in ReadUntilShortPageAsync(fetchPage, pageSize, first.Items.Count, cancellationToken).ConfigureAwait(false))
                yield return item;
            yield break;
        }

        var lastPage = (int)Math.Ceiling(total / (double)pageSize);
        using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task<NumberedPage<T>>>();
        var next = 2;
        try
        {
            while (inFlight.Count > 0 || next <= lastPage)
            {
                while (inFlight.Count < Math.Max(1, maxConcurrentPages) && next <= lastPage)
                    inFlight.Enqueue(fetchPage(next++, prefetch.Token));

                var page = await inFlight.Dequeue().ConfigureAwait(false);
                foreach (var item in page.Items) yield return item;
                if (page.Items.Count == 0) yield break;
            }
        }
        finally
        {
            prefetch.Cancel();
            foreach (var pending in inFlight)
            {
                try { await pending.ConfigureAwait(false); }
                catch (Exception) { /* abandoned prefetch: its result or failure no longer matters */ }
            }
        }
    }

    private static async IAsyncEnumerable<T> ReadUntilShortPageAsync<T>(
        Func<int, CancellationToken, Task<NumberedPage<T>>> fetchPage,
        int pageSize,
        int firstPageCount,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lastCount = firstPageCount;
        for (var number = 2; lastCount >= pageSize; number++)
        {
            var page = await fetchPage(number, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items) yield return item;
            lastCount = page.Items.Count;
        }
    }
}
