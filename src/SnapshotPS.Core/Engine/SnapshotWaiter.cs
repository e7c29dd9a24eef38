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
    private readonly TimeProvider _time;

    public SnapshotWaiter(ISnapshotProvider provider, TimeProvider? time = null)
    {
        _provider = provider;
        _time = time ?? TimeProvider.System;
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
        var started = _time.GetTimestamp();
        var interval = PollInterval ?? _provider.SuggestedPollInterval;
        CloudSnapshot? last = null;
        while (true)
        {
            try
            {
                last = await _provider.GetSnapshotAsync(snapshot, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudApiException gone) when (gone.Kind == CloudErrorKind.NotFound)
            {
                if (wanted.Contains(SnapshotState.Deleted)) return null;
                throw new SnapshotWaitException(snapshot.Id, last, $"Snapshot {snapshot.Id} no longer exists.", gone);
            }

            var elapsed = _time.GetElapsedTime(started);
            onPoll?.Invoke(last, elapsed);
            if (wanted.Contains(last.State)) return last;
            if (last.State is SnapshotState.Error or SnapshotState.Deleted)
                throw new SnapshotWaitException(snapshot.Id, last,
                    $"Snapshot {snapshot.Id} is {last.State} ({last.ProviderState}) and will not become {Describe(wanted)}.");
            if (elapsed >= timeout)
                throw new SnapshotWaitException(snapshot.Id, last,
                    $"Snapshot {snapshot.Id} did not become {Describe(wanted)} within {timeout}; it is {last.State} ({last.ProviderState}).",
                    timedOut: true);

            var remaining = timeout - elapsed;
            await _time.Delay(remaining < interval ? remaining : interval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(IReadOnlyCollection<SnapshotState> states) => string.Join(" or ", states.Select(s => s.ToString()));
}

/// <summary>A wait that ended without the wanted state.</summary>
public sealed class SnapshotWaitException : Exception
{
    public SnapshotWaitException(string snapshotId, CloudSnapshot? lastSeen, string message, Exception? inner = null, bool timedOut = false)
        : base(message, inner)
    {
        SnapshotId = snapshotId;
        LastSeen = lastSeen;
        TimedOut = timedOut;
    }

    public string SnapshotId { get; }
    public CloudSnapshot? LastSeen { get; }
    public bool TimedOut { get; }
}
