namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>
/// Cinder's data in every region: volumes, snapshots (with their sorted order), quotas, armed failures and
/// pending state changes. Callers hold the fake's gate and call <see cref="Settle"/> before reading.
/// </summary>
internal sealed class CinderStore
{
    /// <summary>What a pending transition leads to; null target means the snapshot is gone.</summary>
    private sealed record Transition(CinderSnapshot Snapshot, long Stamp, string? Target);

    private readonly PriorityQueue<Transition, DateTimeOffset> _pending = new();
    private readonly Dictionary<(string Region, string Project), (int Count, long GiB)> _usage = [];

    public Dictionary<string, CinderVolume> Volumes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CinderSnapshot> Snapshots { get; } = new(StringComparer.Ordinal);

    public SnapshotOrder Order { get; } = new();

    /// <summary>Per project: (snapshots, gigabytes); -1 is unlimited, as in Cinder.</summary>
    public Dictionary<string, (int Snapshots, int Gigabytes)> Quotas { get; } = new(StringComparer.Ordinal);

    public int CreateFailures { get; set; }

    public int DeleteFailures { get; set; }

    public long Sequence { get; set; }

    public void Add(CinderSnapshot snapshot)
    {
        Snapshots.Add(snapshot.Id, snapshot);
        Order.Add(snapshot);
        var usage = Usage(snapshot.Region, snapshot.ProjectId);
        _usage[(snapshot.Region, snapshot.ProjectId)] = (usage.Count + 1, usage.GiB + snapshot.SizeGiB);
    }

    public void Remove(CinderSnapshot snapshot)
    {
        if (!Snapshots.Remove(snapshot.Id)) return;
        Order.Remove(snapshot);
        snapshot.TransitionStamp++;
        var usage = Usage(snapshot.Region, snapshot.ProjectId);
        _usage[(snapshot.Region, snapshot.ProjectId)] = (usage.Count - 1, usage.GiB - snapshot.SizeGiB);
    }

    public (int Count, long GiB) Usage(string region, string projectId) => _usage.GetValueOrDefault((region, projectId));

    /// <summary>Puts the snapshot in a transient status that becomes target (null: gone) at dueAt.</summary>
    public void Begin(CinderSnapshot snapshot, string status, DateTimeOffset dueAt, string? target)
    {
        snapshot.Status = status;
        snapshot.TransitionStamp++;
        _pending.Enqueue(new Transition(snapshot, snapshot.TransitionStamp, target), dueAt);
    }

    /// <summary>Cancels any pending transition (a status reset by an admin).</summary>
    public static void Cancel(CinderSnapshot snapshot) => snapshot.TransitionStamp++;

    /// <summary>Applies every transition that is due; the cost is the number of transitions applied.</summary>
    public void Settle(DateTimeOffset now)
    {
        while (_pending.TryPeek(out var transition, out var due) && due <= now)
        {
            _pending.Dequeue();
            var snapshot = transition.Snapshot;
            if (transition.Stamp != snapshot.TransitionStamp || !Snapshots.ContainsKey(snapshot.Id))
            {
                continue;
            }

            if (transition.Target is null)
            {
                Remove(snapshot);
                continue;
            }

            snapshot.Status = transition.Target;
            snapshot.Progress = transition.Target == "available" ? "100%" : snapshot.Progress;
            snapshot.UpdatedAt = due;
        }
    }

    public bool TakeCreateFailure() => Take(CreateFailures, value => CreateFailures = value);

    public bool TakeDeleteFailure() => Take(DeleteFailures, value => DeleteFailures = value);

    private static bool Take(int remaining, Action<int> set)
    {
        if (remaining <= 0) return false;
        set(remaining - 1);
        return true;
    }
}
