using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Engine.Listing;

/// <summary>
/// Streams a paged listing so that it is complete and free of duplicates whatever the consumer
/// does meanwhile (a consumer deleting what it receives shifts page-number and offset paging).
/// Pages are read ahead eagerly, not at the consumer's pace, and the first item is handed on as
/// soon as the first page arrives. Every id handed on is remembered; when a total that changed or
/// an item seen twice shows the listing moved, a catch-up pass reads it again once the consumer
/// has caught up, and hands on only what it had not seen. Paging that stops making progress (a
/// repeated token, pages of nothing new, more items than the provider's total) ends with a
/// CloudApiException, never a loop.
/// </summary>
public static class CompleteListing
{
    /// <summary>Page numbers from 1 (Scaleway, CloudMC).</summary>
    public static IAsyncEnumerable<T> ByPageNumber<T>(
        Func<int, CancellationToken, Task<ListingPage<T>>> fetchPage, Func<T, string?> idOf, ListingOptions options, CancellationToken cancellationToken) =>
        RunAsync((pass, ct) => PositionalPaging.ReadAsync((index, c) => fetchPage(index + 1, c), pass, ct), idOf, options, options.Total?.Join(), cancellationToken);

    /// <summary>Offsets from 0, PageSize apart (Koyeb's offset and limit).</summary>
    public static IAsyncEnumerable<T> ByOffset<T>(
        Func<int, CancellationToken, Task<ListingPage<T>>> fetchAtOffset, Func<T, string?> idOf, ListingOptions options, CancellationToken cancellationToken) =>
        RunAsync((pass, ct) => PositionalPaging.ReadAsync((index, c) => fetchAtOffset(checked(index * options.PageSize), c), pass, ct), idOf, options, options.Total?.Join(), cancellationToken);

    /// <summary>Opaque next-page tokens the provider sends (Outscale's NextPageToken); null asks for the first page.</summary>
    public static IAsyncEnumerable<T> ByToken<T>(
        Func<string?, CancellationToken, Task<ListingPage<T>>> fetchPage, Func<T, string?> idOf, ListingOptions options, CancellationToken cancellationToken) =>
        RunAsync((pass, ct) => CursorPaging.ReadAsync(fetchPage, page => page.NextCursor, pass, ct), idOf, options, options.Total?.Join(), cancellationToken);

    /// <summary>The id of the last item seen as the marker of the next page (OpenStack); null asks for the first page.</summary>
    public static IAsyncEnumerable<T> ByMarker<T>(
        Func<string?, CancellationToken, Task<ListingPage<T>>> fetchPage, Func<T, string?> idOf, ListingOptions options, CancellationToken cancellationToken) =>
        RunAsync((pass, ct) => CursorPaging.ReadAsync(fetchPage, page => MarkerAfter(page, idOf, options), pass, ct), idOf, options, options.Total?.Join(), cancellationToken);

    private static string? MarkerAfter<T>(ListingPage<T> page, Func<T, string?> idOf, ListingOptions options) =>
        page.Items.Count > 0 && (page.HasMore ?? page.Items.Count >= options.PageSize) ? idOf(page.Items[page.Items.Count - 1]) : null;

    private static async IAsyncEnumerable<T> RunAsync<T>(
        Func<ListingPass<T>, CancellationToken, Task> readPass, Func<T, string?> idOf, ListingOptions options, ListingTotal.Share? total,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in RunPassesAsync(readPass, idOf, options, total, emitted, cancellationToken).ConfigureAwait(false)) yield return item;
        }
        finally
        {
            total?.Report(null); // ended or failed before its first page said a total: unknown
        }
    }

    private static async IAsyncEnumerable<T> RunPassesAsync<T>(
        Func<ListingPass<T>, CancellationToken, Task> readPass, Func<T, string?> idOf, ListingOptions options, ListingTotal.Share? total,
        HashSet<string> emitted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            var pass = new ListingPass<T>(options, idOf, emitted, holdUntilRead: number > 1) { Total = number == 1 ? total : null };
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reader = ReadIntoBufferAsync(readPass, pass, stop.Token);
            try
            {
                while (true)
                {
                    var (found, item) = await pass.Buffer.TakeAsync(cancellationToken).ConfigureAwait(false);
                    if (!found) break;
                    yield return item;
                }
            }
            finally
            {
                stop.Cancel();
                await reader.ConfigureAwait(false);
            }

            // Here the consumer has dealt with every item handed on and asks for more.
            if (!pass.Moved || (pass.IsCatchUp && pass.NewItems == 0)) yield break;
            if (number >= options.MaxPasses) throw ListingErrors.KeptChanging(options, number);
        }
    }

    private static async Task ReadIntoBufferAsync<T>(Func<ListingPass<T>, CancellationToken, Task> readPass, ListingPass<T> pass, CancellationToken cancellationToken)
    {
        try
        {
            await readPass(pass, cancellationToken).ConfigureAwait(false);
            await pass.ReleaseHeldAsync(cancellationToken).ConfigureAwait(false);
            pass.Buffer.Complete();
        }
        catch (Exception failure)
        {
            pass.Buffer.Complete(failure);
        }
    }
}
