using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Engine.Listing;

/// <summary>Several listings read as one (Scaleway's Instance and Block Storage APIs).</summary>
public static class MergedListing
{
    /// <summary>
    /// Starts every listing at once, so none waits for the one before it to be read, but hands on
    /// their items in the order the listings are given: the same order every time, with or without
    /// -First and -Skip. Each later listing has its first page read while the earlier ones are handed on.
    /// </summary>
    public static async IAsyncEnumerable<T> InOrderReadingAhead<T>(IReadOnlyList<IAsyncEnumerable<T>> listings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = listings.Select(listing => listing.GetAsyncEnumerator(stop.Token)).ToList();
        var firstMoves = readers.Select(reader => reader.MoveNextAsync().AsTask()).ToList();
        try
        {
            for (var i = 0; i < readers.Count; i++)
            {
                var more = await firstMoves[i].ConfigureAwait(false);
                while (more)
                {
                    yield return readers[i].Current;
                    more = await readers[i].MoveNextAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var move in firstMoves)
            {
                try { await move.ConfigureAwait(false); }
                catch (System.Exception) { /* a listing no longer wanted */ }
            }
            foreach (var reader in readers) await reader.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads each listing only once the ones before it are exhausted.</summary>
    public static async IAsyncEnumerable<T> OneAfterAnother<T>(IReadOnlyList<IAsyncEnumerable<T>> listings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var listing in listings)
        {
            await foreach (var item in listing.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return item;
        }
    }
}
