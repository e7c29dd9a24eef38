using System;
using System.Collections.Generic;
using System.Linq;

namespace SnapshotPS.Core.Connections;

/// <summary>The named connections of a session. Thread-safe; the first connection becomes the default.</summary>
public sealed class ConnectionRegistry
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SnapshotConnection> _connections = new(StringComparer.OrdinalIgnoreCase);
    private string? _defaultName;

    /// <summary>Adds or replaces a connection; returns the one it replaced, already disposed, if any.</summary>
    public SnapshotConnection? Add(SnapshotConnection connection, bool makeDefault)
    {
        SnapshotConnection? replaced;
        lock (_gate)
        {
            _connections.TryGetValue(connection.Name, out replaced);
            _connections[connection.Name] = connection;
            if (makeDefault || _defaultName is null || string.Equals(_defaultName, connection.Name, StringComparison.OrdinalIgnoreCase))
                _defaultName = connection.Name;
            RefreshDefaultFlags();
        }
        replaced?.Close();
        return replaced;
    }

    public bool Remove(string name)
    {
        SnapshotConnection? removed;
        lock (_gate)
        {
            if (!_connections.TryGetValue(name, out removed)) return false;
            _connections.Remove(name);
            if (string.Equals(_defaultName, name, StringComparison.OrdinalIgnoreCase))
                _defaultName = _connections.Values.OrderBy(c => c.ConnectedAt).FirstOrDefault()?.Name;
            RefreshDefaultFlags();
        }
        removed.Close();
        return true;
    }

    public SnapshotConnection? Find(string name)
    {
        lock (_gate) return _connections.TryGetValue(name, out var found) ? found : null;
    }

    /// <summary>The named connection, or the default when no name is given.</summary>
    public SnapshotConnection Resolve(string? name)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(name))
            {
                if (_defaultName is null)
                    throw new InvalidOperationException("No snapshot provider is connected. Run Connect-SnapshotProvider first.");
                return _connections[_defaultName];
            }
            if (_connections.TryGetValue(name!, out var found)) return found;
            var known = _connections.Count == 0 ? "none" : string.Join(", ", _connections.Keys.OrderBy(k => k));
            throw new KeyNotFoundException($"There is no connection named '{name}'. Connections: {known}.");
        }
    }

    public IReadOnlyList<SnapshotConnection> All()
    {
        lock (_gate) return _connections.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private void RefreshDefaultFlags()
    {
        foreach (var connection in _connections.Values)
            connection.IsDefault = string.Equals(connection.Name, _defaultName, StringComparison.OrdinalIgnoreCase);
    }
}
