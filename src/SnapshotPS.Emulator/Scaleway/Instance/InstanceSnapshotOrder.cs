namespace SnapshotPS.Emulator.Scaleway.Instance;

/// <summary>
/// The Instance snapshots of each zone and project kept in listing order (creation date, then the
/// order they were added), so that a page is a slice and a total a count, whatever the number of
/// snapshots. Kept up to date by the store as snapshots are added and removed.
/// </summary>
internal sealed class InstanceSnapshotOrder
{
    private static readonly IReadOnlyList<InstanceSnapshot> None = [];
    private readonly Dictionary<(string Zone, string ProjectId), List<InstanceSnapshot>> _byScope = [];

    public void Add(InstanceSnapshot snapshot)
    {
        var key = (snapshot.Zone, snapshot.ProjectId);
        if (!_byScope.TryGetValue(key, out var list)) _byScope[key] = list = [];
        if (list.Count == 0 || Compare(list[^1], snapshot) <= 0) list.Add(snapshot); // the usual case: the newest
        else list.Insert(IndexOf(list, snapshot) is var at && at < 0 ? ~at : at, snapshot);
    }

    public void Remove(InstanceSnapshot snapshot)
    {
        if (!_byScope.TryGetValue((snapshot.Zone, snapshot.ProjectId), out var list)) return;
        var at = IndexOf(list, snapshot);
        if (at >= 0 && ReferenceEquals(list[at], snapshot)) list.RemoveAt(at);
    }

    /// <summary>The snapshots of a zone and project, oldest first.</summary>
    public IReadOnlyList<InstanceSnapshot> In(string zone, string projectId) =>
        _byScope.TryGetValue((zone, projectId), out var list) ? list : None;

    private static int IndexOf(List<InstanceSnapshot> list, InstanceSnapshot snapshot) =>
        list.BinarySearch(snapshot, Comparer<InstanceSnapshot>.Create(Compare));

    private static int Compare(InstanceSnapshot a, InstanceSnapshot b)
    {
        var byDate = a.CreatedAt.CompareTo(b.CreatedAt);
        return byDate != 0 ? byDate : a.Sequence.CompareTo(b.Sequence);
    }
}
