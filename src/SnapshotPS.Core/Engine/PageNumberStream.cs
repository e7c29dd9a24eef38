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
/// Page numbers shift when the listing changes while it is read (Get-CloudSnapshot | Remove-CloudSnapshot
/// removes what was yielded): given a key, a page whose total differs from the one the reading was
/// planned with makes the stream read again from where the unread items may now start, skipping the
/// items already yielded, so none is missed or repeated.
/// </summary>
public static class PageNumberStream
{
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Func<int, CancellationToken, Task<NumberedPage<T>>> fetchPage,
        int pageSize,
        int maxConcurrentPages,
        CancellationToken cancellationToken) => ReadAsync(fetchPage, pageSize, maxConcurrentPages, null, cancellationToken);

    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Func<int, CancellationToken, Task<NumberedPage<T>>> fetchPage,
        int pageSize,
        int maxConcurrentPages,
        Func<T, string>? keyOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool IsNew(T item) => keyOf is null || seen.Add(keyOf(item));

        var first = await fetchPage(1, cancellationToken).ConfigureAwait(false);
        foreach (var item in first.Items)
        {
            if (IsNew(item)) yield return item;
        }
        if (first.Items.Count == 0) yield break;

        if (first.TotalCount is not int total)
        {
            await foreach (var item in ReadUntilShortPageAsync(fetchPage, pageSize, first.Items.Count, cancellationToken).ConfigureAwait(false))
                yield return item;
            yield break;
        }

        var next = 2;
        while (true)
        {
            var lastPage = (int)Math.Ceiling(total / (double)pageSize);
            int? restartAt = null;
            using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var inFlight = new Queue<(int Number, Task<NumberedPage<T>> Page)>();
            try
            {
                while (inFlight.Count > 0 || next <= lastPage)
                {
                    while (inFlight.Count < Math.Max(1, maxConcurrentPages) && next <= lastPage)
                    {
                        inFlight.Enqueue((next, fetchPage(next, prefetch.Token)));
                        next++;
                    }

                    var (number, pending) = inFlight.Dequeue();
                    var page = await pending.ConfigureAwait(false);
                    if (keyOf is not null && page.TotalCount is int changed && changed != total)
                    {
                        var removed = Math.Max(0, total - changed);
                        restartAt = Math.Max(0, (number - 1) * pageSize - removed) / pageSize + 1;
                        total = changed;
                        break;
                    }
                    foreach (var item in page.Items)
                    {
                        if (IsNew(item)) yield return item;
                    }
                    if (page.Items.Count == 0) yield break;
                }
            }
            finally
            {
                prefetch.Cancel();
                foreach (var (_, pending) in inFlight)
                {
                    try { await pending.ConfigureAwait(false); }
                    catch (Exception) { /* abandoned prefetch: its result or failure no longer matters */ }
                }
            }

            if (restartAt is not int restart) yield break;
            next = restart;
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
