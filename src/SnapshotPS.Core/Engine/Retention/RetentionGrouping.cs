using System;
using System.Collections.Generic;
using System.Linq;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Engine.Retention;

/// <summary>
/// How snapshots are split into groups, each kept by the policy on its own (restic's --group-by).
/// Keys: Connection, Provider, VolumeId (or Volume), Name, Location (or Zone, Region), Owner,
/// SnapshotType, and tag:KEY for a tag's value. None (or no key) puts every snapshot in one group.
/// </summary>
public sealed class RetentionGrouping
{
    public static readonly IReadOnlyList<string> DefaultKeys = new[] { "Connection", "VolumeId" };

    /// <summary>The key names -GroupBy accepts, besides tag:KEY.</summary>
    public static readonly IReadOnlyList<string> PropertyKeys = new[]
    {
        "Connection", "Provider", "VolumeId", "Name", "Location", "Owner", "SnapshotType", "None",
    };

    private const string Missing = "(none)";

    private readonly IReadOnlyList<(string Label, Func<CloudSnapshot, string?> Read)> _keys;

    private RetentionGrouping(IReadOnlyList<(string Label, Func<CloudSnapshot, string?> Read)> keys) => _keys = keys;

    public static RetentionGrouping Default { get; } = Parse(DefaultKeys);

    public IEnumerable<string> Keys => _keys.Select(k => k.Label);

    public static RetentionGrouping Parse(IEnumerable<string>? keys)
    {
        var parsed = new List<(string, Func<CloudSnapshot, string?>)>();
        foreach (var raw in keys ?? Enumerable.Empty<string>())
        {
            var key = (raw ?? "").Trim();
            if (key.Length == 0 || key.Equals("None", StringComparison.OrdinalIgnoreCase)) continue;
            var read = Reader(key);
            var label = key.StartsWith("tag:", StringComparison.OrdinalIgnoreCase) ? "tag:" + key.Substring(4) : Canonical(key);
            if (parsed.All(p => p.Item1 != label)) parsed.Add((label, read));
        }

        return new RetentionGrouping(parsed);
    }

    /// <summary>
    /// The group's identity (the raw values) and a label naming it, such as "Connection=scaleway,
    /// VolumeId=7f0c..."; "(all)" without keys. A missing value (no volume, no such tag) is a value too.
    /// </summary>
    public (string Identity, string Label) GroupOf(CloudSnapshot snapshot)
    {
        if (_keys.Count == 0) return ("", "(all)");
        var values = _keys.Select(k => k.Read(snapshot)).ToList();
        var identity = string.Join("\u001f", values.Select(v => v ?? "\u0000"));
        var label = string.Join(", ", _keys.Select((k, i) => k.Label + "=" + (values[i] ?? Missing)));
        return (identity, label);
    }

    private static Func<CloudSnapshot, string?> Reader(string key)
    {
        if (key.StartsWith("tag:", StringComparison.OrdinalIgnoreCase))
        {
            var tag = key.Substring(4);
            if (tag.Length == 0) throw Invalid(key);
            return s => s.Tags.TryGetValue(tag, out var value) ? value : null;
        }

        return Canonical(key) switch
        {
            "Connection" => s => s.Connection,
            "Provider" => s => s.Provider.ToString(),
            "VolumeId" => s => s.VolumeId,
            "Name" => s => s.Name,
            "Location" => s => s.Location,
            "Owner" => s => s.Owner,
            "SnapshotType" => s => s.SnapshotType,
            _ => throw Invalid(key),
        };
    }

    private static string Canonical(string key)
    {
        foreach (var known in PropertyKeys)
            if (known.Equals(key, StringComparison.OrdinalIgnoreCase)) return known;
        if (key.Equals("Volume", StringComparison.OrdinalIgnoreCase)) return "VolumeId";
        if (key.Equals("Zone", StringComparison.OrdinalIgnoreCase) || key.Equals("Region", StringComparison.OrdinalIgnoreCase)) return "Location";
        return key;
    }

    private static ArgumentException Invalid(string key) => new(
        $"Invalid value for -GroupBy: '{key}'; use {string.Join(", ", PropertyKeys)} (Volume, Zone and Region are aliases), or tag:KEY to group by a tag's value.",
        "GroupBy");
}
