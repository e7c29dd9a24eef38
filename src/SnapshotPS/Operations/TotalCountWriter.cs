using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Model;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>
/// Get-CloudSnapshot -IncludeTotalCount: writes PowerShell's total count object before the first snapshot.
/// Snapshots are held back only until every listing has said its provider's total (from its first page),
/// or to the end when a listing starts late. The count is exact (accuracy 1.0) when every provider gave a
/// total and nothing filters the listing; an estimate (0.5, "Estimated total count") when filters apply
/// (the provider's total may count what the module then filters out); unknown (0.0) when a provider gives
/// none (Koyeb, Outscale) or its listing was not read.
/// </summary>
internal sealed class TotalCountWriter
{
    private const double Exact = 1.0;
    private const double Estimate = 0.5;
    private const double Unknown = 0.0;

    private readonly ICmdletContext _context;
    private readonly GetSnapshotRequest _request;
    private readonly List<CloudSnapshot> _held = new();
    private bool _lastConnectionStarted;
    private int _joinedBeforeLastConnection;
    private bool _written;
    private ulong _seen;

    public TotalCountWriter(ICmdletContext context, GetSnapshotRequest request)
    {
        _context = context;
        _request = request;
    }

    public ListingTotal Total { get; } = new();

    /// <summary>A connection's listing begins; only once the last has begun can the total be complete.</summary>
    public void Listing(bool lastConnection)
    {
        if (!lastConnection) return;
        _lastConnectionStarted = true;
        _joinedBeforeLastConnection = Total.Joined;
    }

    public void Write(CloudSnapshot snapshot)
    {
        _seen++;
        if (_written)
        {
            _context.WriteObject(snapshot);
            return;
        }
        _held.Add(snapshot);
        Flush(atEnd: false, countedByHand: false);
    }

    /// <summary>
    /// Waits (at most half a minute) for the listings read beside the one that gave the last wanted snapshot
    /// to say their totals, before the consumer stops them.
    /// </summary>
    public async Task SettledAsync(CancellationToken cancellationToken)
    {
        var settled = Total.WhenSettledAsync();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var first = await Task.WhenAny(settled, Task.Delay(TimeSpan.FromSeconds(30), guard.Token)).ConfigureAwait(true);
        guard.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        if (first != settled) Total.MarkUnknown();
    }

    /// <param name="countedByHand">By -Id: the total is what was found, exactly.</param>
    public void Flush(bool atEnd, bool countedByHand)
    {
        if (_written) return;
        // Before the end, only once the last connection's listing has joined (a listing that never joins leaves nothing to wait for).
        if (!atEnd && !(_lastConnectionStarted && Total.Joined > _joinedBeforeLastConnection && Total.IsSettled)) return;
        _written = true;
        var (count, accuracy) = countedByHand ? (_seen, Exact) : Measure(atEnd);
        _context.WriteObject(_request.TotalCountObject!(count, accuracy));
        foreach (var snapshot in _held) _context.WriteObject(snapshot);
        _held.Clear();
    }

    private (ulong Count, double Accuracy) Measure(bool atEnd)
    {
        if (!Total.IsSettled || Total.Value is not long total || (atEnd && !_lastConnectionStarted)) return (0, Unknown);
        var filtered = _request.Names.Count > 0 || _request.VolumeId is not null || _request.States.Count > 0 || _request.Tags is { Count: > 0 };
        return ((ulong)total, filtered ? Estimate : Exact);
    }
}
