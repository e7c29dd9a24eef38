namespace SnapshotPS.Emulator.Outscale;

/// <summary>
/// Every snapshot kept in the order ReadSnapshots pages them (creation date, then ID), so that a
/// page starts with a binary search for its token instead of a sort of every snapshot. Kept up to
/// date by the store as snapshots are added and removed.
/// </summary>
internal sealed class OutscaleSnapshotOrder
{
    private static readonly IComparer<OutscaleSnapshot> ByDateThenId = Comparer<OutscaleSnapshot>.Create(Compare);
    private readonly List<OutscaleSnapshot> _snapshots = [];

    public void Add(OutscaleSnapshot snapshot)
    {
        if (_snapshots.Count == 0 || Compare(_snapshots[^1], snapshot) < 0) _snapshots.Add(snapshot); // the usual case: the newest
        else _snapshots.Insert(~_snapshots.BinarySearch(snapshot, ByDateThenId), snapshot);
    }

    public void Remove(OutscaleSnapshot snapshot)
    {
        var at = _snapshots.BinarySearch(snapshot, ByDateThenId);
        if (at >= 0) _snapshots.RemoveAt(at);
    }

    /// <summary>The snapshots after (createdAt, id), or all of them, in order.</summary>
    public IEnumerable<OutscaleSnapshot> After(DateTimeOffset? createdAt, string? id)
    {
        var start = 0;
        if (createdAt is { } date && id is not null)
        {
            int low = 0, high = _snapshots.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (Compare(_snapshots[middle].CreatedAt, _snapshots[middle].Id, date, id) <= 0) low = middle + 1;
                else high = middle;
            }
            start = low;
        }
        for (var i = start; i < _snapshots.Count; i++) yield return _snapshots[i];
    }

    private static int Compare(OutscaleSnapshot a, OutscaleSnapshot b) => Compare(a.CreatedAt, a.Id, b.CreatedAt, b.Id);

    private static int Compare(DateTimeOffset aDate, string aId, DateTimeOffset bDate, string bId)
    {
        var byDate = aDate.CompareTo(bDate);
        return byDate != 0 ? byDate : string.CompareOrdinal(aId, bId);
    }
}
