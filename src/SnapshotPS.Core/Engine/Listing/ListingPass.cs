using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Engine.Listing;

/// <summary>
/// One read over a listing. It hands on each item not yet emitted by an earlier pass, notices when
/// the listing moved under it (a total that changed, an item seen twice, pages that cannot be
/// checked), and ends with an error when pages stop bringing anything new.
/// </summary>
internal sealed class ListingPass<T>
{
    private readonly ListingOptions _options;
    private readonly Func<T, string?> _idOf;
    private readonly HashSet<string> _emitted;
    private readonly HashSet<string> _seenThisPass = new(StringComparer.Ordinal);
    private readonly List<T>? _held;
    private int _pagesWithoutProgress;

    /// <param name="holdUntilRead">A catch-up pass hands nothing on until it has read every page, so the
    /// consumer changes nothing while it reads and what it reads is one consistent view.</param>
    public ListingPass(ListingOptions options, Func<T, string?> idOf, HashSet<string> emitted, bool holdUntilRead)
    {
        _options = options;
        _idOf = idOf;
        _emitted = emitted;
        _held = holdUntilRead ? new List<T>() : null;
        Buffer = new ListingBuffer<T>(holdUntilRead ? int.MaxValue : options.MaxBufferedItems);
    }

    public ListingBuffer<T> Buffer { get; }
    public ListingOptions Options => _options;
    public bool IsCatchUp => _held is not null;

    /// <summary>The listing changed while this pass read it, so something may have been missed.</summary>
    public bool Moved { get; set; }

    public int Pages { get; private set; }

    /// <summary>
    /// Pages read at once. Each page of such a window may have been read before a delete shifted the
    /// listing, and then hold only items that pages after it already gave, so that many more pages
    /// without anything new are tolerated before the paging counts as stuck.
    /// </summary>
    public int PagesReadAtOnce { get; set; } = 1;
    public int NewItems { get; private set; }

    /// <param name="morePagesFollow">False for the last page, which ends the listing whatever it holds.</param>
    public async Task AcceptAsync(ListingPage<T> page, bool morePagesFollow, CancellationToken cancellationToken)
    {
        Pages++;
        var progress = false;
        var fresh = new List<T>(page.Items.Count);
        foreach (var item in page.Items)
        {
            var id = _idOf(item);
            if (string.IsNullOrEmpty(id)) throw ListingErrors.MissingId(_options);
            if (!_seenThisPass.Add(id!))
            {
                Moved = true; // the same item on two pages: the listing shifted under this pass
                continue;
            }
            progress = true;
            if (!_emitted.Add(id!)) continue;
            NewItems++;
            fresh.Add(item);
        }
        if (_held is not null) _held.AddRange(fresh);
        else await Buffer.AddRangeAsync(fresh, cancellationToken).ConfigureAwait(false);

        if (progress || !morePagesFollow) _pagesWithoutProgress = 0;
        else if (++_pagesWithoutProgress >= _options.MaxPagesWithoutProgress + PagesReadAtOnce - 1)
            throw ListingErrors.NoProgress(_options, _pagesWithoutProgress, Pages);
    }

    /// <summary>Hands on what a catch-up pass held back.</summary>
    public async Task ReleaseHeldAsync(CancellationToken cancellationToken)
    {
        if (_held is null) return;
        await Buffer.AddRangeAsync(_held, cancellationToken).ConfigureAwait(false);
        _held.Clear();
    }

    /// <summary>Where the first pass reports the provider's total (-IncludeTotalCount); the first page read says it.</summary>
    public ListingTotal.Share? Total { get; set; }

    public void CheckTotal(ListingPage<T> page, int pageIndex)
    {
        if (page.TotalCount is not int total)
        {
            Total?.Report(null);
            return;
        }
        if (total < 0) throw ListingErrors.InvalidTotal(_options, total);
        var room = Math.Max(0L, total - (long)pageIndex * _options.PageSize);
        if (page.Items.Count > room) throw ListingErrors.MoreThanTotal(_options, pageIndex, total);
        Total?.Report(total);
    }
}
