using System;
using System.Collections.Generic;
using System.Linq;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Engine;

/// <summary>Applies a query on the client: the final word on what matches, whatever the server filtered.</summary>
public sealed class SnapshotFilter
{
    private readonly SnapshotQuery _query;
    private readonly List<WildcardMatcher> _names;

    public SnapshotFilter(SnapshotQuery query)
    {
        _query = query;
        _names = query.Names.Select(n => new WildcardMatcher(n)).ToList();
    }

    public bool Matches(CloudSnapshot snapshot)
    {
        if (_query.Ids.Count > 0 && !_query.Ids.Contains(snapshot.Id, StringComparer.OrdinalIgnoreCase)) return false;
        if (_names.Count > 0 && !_names.Any(n => n.IsMatch(snapshot.Name))) return false;
        if (_query.VolumeId is { } volume && !string.Equals(snapshot.VolumeId, volume, StringComparison.OrdinalIgnoreCase)) return false;
        if (_query.States.Count > 0 && !_query.States.Contains(snapshot.State)) return false;
        foreach (var tag in _query.Tags)
        {
            if (!snapshot.Tags.TryGetValue(tag.Key, out var value)) return false;
            if (tag.Value.Length > 0 && !string.Equals(value, tag.Value, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>The one exact name a server may be asked to filter on, when the query has exactly one and no wildcard.</summary>
    public static string? SingleExactName(SnapshotQuery query) =>
        query.Names.Count == 1 && !WildcardMatcher.HasWildcards(query.Names[0]) ? WildcardMatcher.Unescape(query.Names[0]) : null;
}
