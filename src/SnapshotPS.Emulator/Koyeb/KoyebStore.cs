namespace SnapshotPS.Emulator.Koyeb;

/// <summary>
/// Everything the Koyeb fake holds. Not thread-safe by itself: callers hold <see cref="Gate"/> and call
/// <see cref="SettleDue"/> before reading. Each organization's snapshots are kept in creation order, so a
/// page of the unfiltered listing is a slice whatever the number of snapshots; state changes wait in a
/// queue by due time, so settling costs what is due, not what is stored.
/// </summary>
internal sealed class KoyebStore(TimeProvider time, KoyebTimings timings)
{
    private static readonly IReadOnlyList<KoyebSnapshotRecord> None = [];
    private readonly Dictionary<string, List<KoyebSnapshotRecord>> _byOrganization = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(KoyebSnapshotRecord Snapshot, int Version), DateTimeOffset> _due = new();
    private long _sequence;

    public object Gate { get; } = new();

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Token to organization id.</summary>
    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, KoyebVolume> Volumes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, KoyebSnapshotRecord> Snapshots { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long NextSequence() => ++_sequence;

    /// <summary>The organization's snapshots, oldest first.</summary>
    public IReadOnlyList<KoyebSnapshotRecord> OrderOf(string organizationId) =>
        _byOrganization.TryGetValue(organizationId, out var list) ? list : None;

    public KoyebSnapshotRecord? Find(string organizationId, string id) =>
        Snapshots.TryGetValue(id, out var snapshot) && snapshot.OrganizationId == organizationId ? snapshot : null;

    public void Add(KoyebSnapshotRecord snapshot)
    {
        Snapshots.Add(snapshot.Id, snapshot);
        if (!_byOrganization.TryGetValue(snapshot.OrganizationId, out var list)) _byOrganization[snapshot.OrganizationId] = list = [];
        if (list.Count == 0 || Compare(list[^1], snapshot) <= 0) list.Add(snapshot); // the usual case: the newest
        else list.Insert(~list.BinarySearch(snapshot, Order), snapshot);
    }

    /// <summary>A snapshot taken through the API: CREATING (LOCAL), then MIGRATING, then AVAILABLE (REMOTE).</summary>
    public void BeginCreate(KoyebSnapshotRecord snapshot) => Schedule(snapshot, snapshot.UpdatedAt + timings.CreateDelay);

    public void BeginDelete(KoyebSnapshotRecord snapshot)
    {
        snapshot.Status = KoyebStatus.Deleting;
        snapshot.UpdatedAt = Now;
        snapshot.Version++;
        Schedule(snapshot, snapshot.UpdatedAt + timings.DeleteDelay);
    }

    /// <summary>Applies every state change due by now, in due order.</summary>
    public void SettleDue()
    {
        var now = Now;
        while (_due.TryPeek(out var next, out var dueAt) && dueAt <= now)
        {
            _due.Dequeue();
            var (snapshot, version) = next;
            if (version != snapshot.Version || !Snapshots.ContainsKey(snapshot.Id)) continue;
            switch (snapshot.Status)
            {
                case KoyebStatus.Creating:
                    snapshot.Status = KoyebStatus.Migrating;
                    snapshot.UpdatedAt = dueAt;
                    Schedule(snapshot, dueAt + timings.MigrateDelay);
                    break;
                case KoyebStatus.Migrating:
                    snapshot.Status = KoyebStatus.Available;
                    snapshot.Type = KoyebStatus.Remote;
                    snapshot.UpdatedAt = dueAt;
                    break;
                case KoyebStatus.Deleting:
                    // Choice (the real behaviour is UNVERIFIED): a deleted snapshot is dropped, so GET answers 404.
                    Remove(snapshot);
                    break;
            }
        }
    }

    private void Schedule(KoyebSnapshotRecord snapshot, DateTimeOffset dueAt) => _due.Enqueue((snapshot, snapshot.Version), dueAt);

    private void Remove(KoyebSnapshotRecord snapshot)
    {
        Snapshots.Remove(snapshot.Id);
        if (!_byOrganization.TryGetValue(snapshot.OrganizationId, out var list)) return;
        var at = list.BinarySearch(snapshot, Order);
        if (at >= 0 && ReferenceEquals(list[at], snapshot)) list.RemoveAt(at);
    }

    private static readonly Comparer<KoyebSnapshotRecord> Order = Comparer<KoyebSnapshotRecord>.Create(Compare);

    private static int Compare(KoyebSnapshotRecord a, KoyebSnapshotRecord b)
    {
        var byDate = a.CreatedAt.CompareTo(b.CreatedAt);
        return byDate != 0 ? byDate : a.Sequence.CompareTo(b.Sequence);
    }
}
