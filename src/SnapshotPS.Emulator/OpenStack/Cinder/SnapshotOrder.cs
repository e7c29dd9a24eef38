namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>
/// The snapshots of each region, and of each project in a region, kept sorted by (created_at, id), so that
/// the default listing (created_at desc, id desc) is served from a marker by binary search and an offset by
/// index arithmetic, whatever the number of snapshots. Kept up to date by the store.
/// </summary>
internal sealed class SnapshotOrder
{
    private const string AllProjects = "*";
    private static readonly IComparer<CinderSnapshot> ByDateThenId = Comparer<CinderSnapshot>.Create(Compare);
    private static readonly List<CinderSnapshot> None = [];
    private readonly Dictionary<(string Region, string Project), List<CinderSnapshot>> _lists = [];

    public void Add(CinderSnapshot snapshot)
    {
        Insert(List(snapshot.Region, snapshot.ProjectId, create: true), snapshot);
        Insert(List(snapshot.Region, AllProjects, create: true), snapshot);
    }

    public void Remove(CinderSnapshot snapshot)
    {
        Delete(List(snapshot.Region, snapshot.ProjectId, create: false), snapshot);
        Delete(List(snapshot.Region, AllProjects, create: false), snapshot);
    }

    /// <summary>Oldest first; every project's when projectId is null.</summary>
    public IReadOnlyList<CinderSnapshot> In(string region, string? projectId) => List(region, projectId ?? AllProjects, create: false);

    /// <summary>The index of the snapshot in the list, or -1.</summary>
    public static int IndexOf(IReadOnlyList<CinderSnapshot> list, CinderSnapshot snapshot) =>
        list is List<CinderSnapshot> concrete && concrete.BinarySearch(snapshot, ByDateThenId) is var at && at >= 0 ? at : -1;

    public static int Compare(CinderSnapshot a, CinderSnapshot b)
    {
        var byDate = a.CreatedAt.CompareTo(b.CreatedAt);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Id, b.Id);
    }

    private List<CinderSnapshot> List(string region, string project, bool create)
    {
        if (_lists.TryGetValue((region, project), out var list)) return list;
        if (!create) return None;
        _lists[(region, project)] = list = [];
        return list;
    }

    private static void Insert(List<CinderSnapshot> list, CinderSnapshot snapshot)
    {
        if (list.Count == 0 || Compare(list[^1], snapshot) < 0) list.Add(snapshot); // the usual case: the newest
        else list.Insert(~list.BinarySearch(snapshot, ByDateThenId), snapshot);
    }

    private static void Delete(List<CinderSnapshot> list, CinderSnapshot snapshot)
    {
        var at = list.BinarySearch(snapshot, ByDateThenId);
        if (at >= 0) list.RemoveAt(at);
    }
}
