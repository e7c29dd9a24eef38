namespace SnapshotPS.Emulator.CloudMC;

/// <summary>
/// Everything the CloudMC fake holds. Not thread-safe by itself: callers hold <see cref="Gate"/> and
/// call <see cref="Settle"/> first. Snapshots are kept per environment (and per volume) in creation
/// order, so a page is a slice and a count a count, whatever the number of snapshots.
/// </summary>
internal sealed class CloudMCStore(TimeProvider time)
{
    private static readonly IReadOnlyList<CloudMCSnapshot> None = [];
    private readonly Dictionary<CloudMCEnvironmentKey, List<CloudMCSnapshot>> _byEnvironment = [];
    private readonly Dictionary<(CloudMCEnvironmentKey, string), List<CloudMCSnapshot>> _byVolume = [];
    private readonly Dictionary<CloudMCEnvironmentKey, HashSet<string>> _names = [];
    private readonly List<CloudMCSnapshot> _unlisted = [];
    private readonly List<CloudMCSnapshot> _destroying = [];
    private long _sequence;
    private int _failuresToInject;

    public object Gate { get; } = new();

    public DateTimeOffset Now => time.GetUtcNow();

    public Dictionary<string, CloudMCOrganization> Organizations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>API key to the organization it belongs to.</summary>
    public Dictionary<string, string> ApiKeys { get; } = new(StringComparer.Ordinal);

    public HashSet<CloudMCEnvironmentKey> Environments { get; } = [];

    public Dictionary<string, CloudMCVolume> Volumes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, CloudMCSnapshot> Snapshots { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, CloudMCTask> Tasks { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long NextSequence() => ++_sequence;

    public void AddFailures(int count) => _failuresToInject += count;

    public bool TakeFailure()
    {
        if (_failuresToInject == 0) return false;
        _failuresToInject--;
        return true;
    }

    /// <summary>True when <paramref name="organizationId"/> is <paramref name="own"/> or one of its sub-organizations.</summary>
    public bool MayActIn(string own, string organizationId)
    {
        for (var id = organizationId; id is not null; id = Organizations.GetValueOrDefault(id)?.ParentId)
            if (string.Equals(id, own, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public bool IsNameTaken(CloudMCEnvironmentKey environment, string name) =>
        _names.TryGetValue(environment, out var names) && names.Contains(name);

    /// <summary>Adds a snapshot; one that is listed only once settled waits until then.</summary>
    public void Add(CloudMCSnapshot snapshot, bool listNow)
    {
        Snapshots.Add(snapshot.Id, snapshot);
        if (!_names.TryGetValue(snapshot.Environment, out var names)) _names[snapshot.Environment] = names = new(StringComparer.OrdinalIgnoreCase);
        names.Add(snapshot.Name);
        if (listNow) List(snapshot);
        else _unlisted.Add(snapshot);
    }

    public bool IsListed(CloudMCSnapshot snapshot) => !_unlisted.Contains(snapshot);

    public void Destroy(CloudMCSnapshot snapshot, DateTimeOffset goneAt)
    {
        snapshot.DestroyedAt = goneAt;
        _destroying.Add(snapshot);
    }

    /// <summary>Moves snapshots whose time has come: into the lists once settled, out of everything once destroyed; forgets old tasks.</summary>
    public void Settle(TimeSpan taskRetention)
    {
        var now = Now;
        for (var i = _unlisted.Count - 1; i >= 0; i--)
        {
            if (_unlisted[i].SettledAt > now) continue;
            List(_unlisted[i]);
            _unlisted.RemoveAt(i);
        }

        for (var i = _destroying.Count - 1; i >= 0; i--)
        {
            var snapshot = _destroying[i];
            if (snapshot.DestroyedAt > now) continue;
            _destroying.RemoveAt(i);
            Remove(snapshot);
        }

        if (Tasks.Count > 0 && Tasks.Values.Any(task => now - task.Created > taskRetention))
            foreach (var old in Tasks.Values.Where(task => now - task.Created > taskRetention).ToList()) Tasks.Remove(old.Id);
    }

    public IReadOnlyList<CloudMCSnapshot> In(CloudMCEnvironmentKey environment, string? volumeId) =>
        volumeId is null
            ? _byEnvironment.GetValueOrDefault(environment) ?? None
            : _byVolume.GetValueOrDefault((environment, volumeId.ToLowerInvariant())) ?? None;

    private void List(CloudMCSnapshot snapshot)
    {
        Insert(_byEnvironment, snapshot.Environment, snapshot);
        Insert(_byVolume, (snapshot.Environment, snapshot.Volume.Id.ToLowerInvariant()), snapshot);
    }

    private void Remove(CloudMCSnapshot snapshot)
    {
        Snapshots.Remove(snapshot.Id);
        _names.GetValueOrDefault(snapshot.Environment)?.Remove(snapshot.Name);
        _byEnvironment.GetValueOrDefault(snapshot.Environment)?.Remove(snapshot);
        _byVolume.GetValueOrDefault((snapshot.Environment, snapshot.Volume.Id.ToLowerInvariant()))?.Remove(snapshot);
    }

    private static void Insert<TKey>(Dictionary<TKey, List<CloudMCSnapshot>> lists, TKey key, CloudMCSnapshot snapshot)
        where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        if (list.Count == 0 || list[^1].Sequence < snapshot.Sequence)
        {
            list.Add(snapshot); // the usual case: the newest
            return;
        }

        var at = list.BinarySearch(snapshot, Comparer<CloudMCSnapshot>.Create((a, b) => a.Sequence.CompareTo(b.Sequence)));
        list.Insert(at < 0 ? ~at : at, snapshot);
    }
}
