using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;

namespace SnapshotPS.Core.Engine;

/// <summary>Polls a snapshot until it reaches one of the wanted states, fails, or the time runs out.</summary>
public sealed class SnapshotWaiter
{
    private readonly ISnapshotProvider _provider;
    private readonly Poller _poller;

    public SnapshotWaiter(ISnapshotProvider provider, TimeProvider? time = null)
    {
        _provider = provider;
        _poller = new Poller(time);
    }

    public TimeSpan? PollInterval { get; set; }

    /// <summary>
    /// Returns the snapshot once its state is one of <paramref name="wanted"/>; returns null when
    /// Deleted is wanted and the snapshot is gone. Throws SnapshotWaitException when the snapshot
    /// ends in Error (not wanted) or disappears, and when the timeout passes.
    /// </summary>
    public async Task<CloudSnapshot?> WaitAsync(
        SnapshotLocator snapshot,
        IReadOnlyCollection<SnapshotState> wanted,
        TimeSpan timeout,
        Action<CloudSnapshot, TimeSpan>? onPoll,
        CancellationToken cancellationToken)
    {
        var goneIsDone = wanted.Contains(SnapshotState.Deleted);
        CloudSnapshot? lastSeen = null;
        var reading = await _poller.PollAsync<CloudSnapshot?>(
            async ct =>
            {
                try
                {
                    return lastSeen = await _provider.GetSnapshotAsync(snapshot, ct).ConfigureAwait(false);
                }
                catch (CloudApiException gone) when (gone.Kind == CloudErrorKind.NotFound && goneIsDone)
                {
                    return null;
                }
                catch (CloudApiException gone) when (gone.Kind == CloudErrorKind.NotFound)
                {
                    throw new SnapshotWaitException(snapshot.Id, lastSeen, $"Snapshot {snapshot.Id} no longer exists.", gone);
                }
            },
            s => s is null || wanted.Contains(s.State) ? PollVerdict.Done
                : s.State is SnapshotState.Error or SnapshotState.Deleted ? PollVerdict.Failed
                : PollVerdict.KeepWaiting,
            timeout,
            PollInterval ?? _provider.SuggestedPollInterval,
            (s, elapsed) => { if (s is not null) onPoll?.Invoke(s, elapsed); },
            s => new SnapshotWaitException(snapshot.Id, s, $"Snapshot {snapshot.Id} is {s!.State} ({s.ProviderState}) and will not become {Describe(wanted)}." +
                (string.IsNullOrEmpty(s.StateMessage) ? "" : $" {s.Provider} says: {s.StateMessage}")),
            s => new SnapshotWaitException(snapshot.Id, s,
                $"Snapshot {snapshot.Id} did not become {Describe(wanted)} within {timeout}; it is {s!.State} ({s.ProviderState}).", timedOut: true),
            cancellationToken).ConfigureAwait(false);
        return reading;
    }

    private static string Describe(IReadOnlyCollection<SnapshotState> states) => string.Join(" or ", states.Select(s => s.ToString()));
}

/// <summary>A wait that ended without the wanted state.</summary>
public sealed class SnapshotWaitException : Exception
{
    public SnapshotWaitException(string targetId, object? lastSeen, string message, Exception? inner = null, bool timedOut = false)
        : base(message, inner)
    {
        SnapshotId = targetId;
        LastSeen = lastSeen;
        TimedOut = timedOut;
    }

    /// <summary>The id of what was waited for: a snapshot, or an export task.</summary>
    public string SnapshotId { get; }

    /// <summary>The last reading (a CloudSnapshot or a SnapshotExportTask), if any.</summary>
    public object? LastSeen { get; }

    public bool TimedOut { get; }
}
