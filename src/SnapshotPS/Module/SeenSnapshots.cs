using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Module;

/// <summary>
/// The snapshots this runspace's cmdlets wrote lately, for Tab completion of ids and names without
/// asking any cloud. Bounded: past <see cref="Capacity"/> the longest unseen is forgotten.
/// </summary>
internal sealed class SeenSnapshots
{
    public const int Capacity = 2000;

    private static readonly ConditionalWeakTable<Runspace, SeenSnapshots> PerRunspace = new();
    private static readonly SeenSnapshots WithoutRunspace = new();

    private readonly object _gate = new();
    private readonly LinkedList<SeenSnapshot> _order = new();
    private readonly Dictionary<string, LinkedListNode<SeenSnapshot>> _byKey = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The snapshots seen in the runspace whose pipeline runs on the calling thread.</summary>
    public static SeenSnapshots Current =>
        Runspace.DefaultRunspace is { } runspace ? PerRunspace.GetValue(runspace, _ => new SeenSnapshots()) : WithoutRunspace;

    public int Count
    {
        get { lock (_gate) return _order.Count; }
    }

    public void Remember(CloudSnapshot snapshot)
    {
        if (string.IsNullOrEmpty(snapshot.Id) || Pipeline.SnapshotReference.Behind(snapshot) is not null) return;
        var seen = new SeenSnapshot(snapshot.Connection, snapshot.Id, snapshot.Name, snapshot.Location);
        var key = snapshot.Connection + "\n" + snapshot.Id;
        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var known)) _order.Remove(known);
            _byKey[key] = _order.AddFirst(seen);
            while (_order.Count > Capacity)
            {
                var oldest = _order.Last!;
                _order.RemoveLast();
                _byKey.Remove(oldest.Value.Connection + "\n" + oldest.Value.Id);
            }
        }
    }

    /// <summary>Forgets a snapshot that was deleted; thread-safe, as deletions finish on other threads.</summary>
    public void Forget(string connection, string id)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(connection + "\n" + id, out var known)) return;
            _order.Remove(known);
            _byKey.Remove(connection + "\n" + id);
        }
    }

    /// <summary>The snapshots seen, newest first; those of one connection when a name is given.</summary>
    public IReadOnlyList<SeenSnapshot> Of(string? connection)
    {
        lock (_gate)
            return _order.Where(s => string.IsNullOrEmpty(connection) || string.Equals(s.Connection, connection, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}

internal sealed class SeenSnapshot
{
    public SeenSnapshot(string connection, string id, string name, string? location)
    {
        Connection = connection;
        Id = id;
        Name = name;
        Location = location;
    }

    public string Connection { get; }
    public string Id { get; }
    public string Name { get; }
    public string? Location { get; }

    public string Describe() => (Name.Length == 0 ? Id : $"{Name} ({Id})") + " on " + Connection;
}
