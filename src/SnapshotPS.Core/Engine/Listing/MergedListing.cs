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
    /// Reads the listings side by side and hands on items as they come. Each listing is asked for
    /// its next item only once the consumer has asked for more, so each keeps its own guarantees
    /// about what the consumer did with the items before.
    /// </summary>
    public static async IAsyncEnumerable<T> SideBySide<T>(IReadOnlyList<IAsyncEnumerable<T>> listings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = listings.Select(listing => listing.GetAsyncEnumerator(stop.Token)).ToList();
        var pending = new Task<bool>?[readers.Count];
        var open = Enumerable.Repeat(true, readers.Count).ToArray();
        var openCount = readers.Count;
        var start = 0;
        try
        {
            while (openCount > 0)
            {
                var ready = -1;
                for (var turn = 0; turn < readers.Count && ready < 0; turn++)
                {
                    var i = (start + turn) % readers.Count;
                    if (!open[i]) continue;
                    if (pending[i] is null)
                    {
                        var move = readers[i].MoveNextAsync();
                        if (move.IsCompleted)
                        {
                            if (move.Result) ready = i;
                            else Close(open, i, ref openCount);
                            continue;
                        }
                        pending[i] = move.AsTask();
                    }
                    if (pending[i]!.IsCompleted)
                    {
                        var more = await pending[i]!.ConfigureAwait(false);
                        pending[i] = null;
                        if (more) ready = i;
                        else Close(open, i, ref openCount);
                    }
                }

                if (ready >= 0)
                {
                    start = (ready + 1) % readers.Count; // take turns, so neither listing waits for the other
                    yield return readers[ready].Current;
                }
                else if (openCount > 0)
                {
                    await Task.WhenAny(pending.Where(p => p is not null)!).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var move in pending)
            {
                if (move is null) continue;
                try { await move.ConfigureAwait(false); }
                catch (System.Exception) { /* a listing no longer wanted */ }
            }
            foreach (var reader in readers) await reader.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void Close(bool[] open, int index, ref int openCount)
    {
        open[index] = false;
        openCount--;
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
