using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Engine.Listing;

/// <summary>
/// The total a provider gives for a listing (Scaleway's X-Total-Count or total_count, Cinder's count,
/// CloudMC's recordCount), summed over every listing that joins it (Scaleway's Instance and Block Storage
/// APIs, several connections). Each listing says its total once, from its first page, or that it has none;
/// one without a total makes the whole total unknown.
/// </summary>
public sealed class ListingTotal
{
    private readonly object _gate = new();
    private int _joined;
    private int _pending;
    private long _sum;
    private bool _unknown;
    private TaskCompletionSource<bool> _settled = NewSignal(settled: true);

    /// <summary>How many listings joined so far.</summary>
    public int Joined
    {
        get { lock (_gate) return _joined; }
    }

    /// <summary>True once every listing that joined has said its total (or that it has none).</summary>
    public bool IsSettled
    {
        get { lock (_gate) return _pending == 0; }
    }

    /// <summary>The sum of the totals, or null when some listing gave none.</summary>
    public long? Value
    {
        get { lock (_gate) return _unknown ? null : _sum; }
    }

    /// <summary>
    /// Completes once every listing that joined has said its total: a consumer that stops early (-First)
    /// waits for the first pages of listings read beside it (Scaleway's two APIs) rather than leave them unknown.
    /// </summary>
    public Task WhenSettledAsync()
    {
        lock (_gate) return _settled.Task;
    }

    /// <summary>Some part of the listing is known to have no total (it was never read, or its provider gives none).</summary>
    public void MarkUnknown()
    {
        lock (_gate) _unknown = true;
    }

    /// <summary>A listing's share: it reports once; a listing that ends or fails before any page reports "none".</summary>
    internal Share Join()
    {
        lock (_gate)
        {
            _joined++;
            if (_pending++ == 0) _settled = NewSignal(settled: false);
        }
        return new Share(this);
    }

    private void Report(int? total)
    {
        lock (_gate)
        {
            if (total is int count) _sum += count;
            else _unknown = true;
            if (--_pending == 0) _settled.TrySetResult(true);
        }
    }

    private static TaskCompletionSource<bool> NewSignal(bool settled)
    {
        var signal = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (settled) signal.SetResult(true);
        return signal;
    }

    internal sealed class Share
    {
        private readonly ListingTotal _total;
        private int _reported;

        public Share(ListingTotal total) => _total = total;

        public void Report(int? total)
        {
            if (Interlocked.Exchange(ref _reported, 1) == 0) _total.Report(total);
        }
    }
}
