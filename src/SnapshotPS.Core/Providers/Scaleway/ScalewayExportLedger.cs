using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>
/// The exports this connection started. Scaleway keeps no readable record of an export: its task is a
/// placeholder (id all zeros, no endpoint) and the snapshot only reads "exporting" while it runs. So the
/// bucket and key of each export are remembered here, in memory, for as long as the connection lives,
/// to report them later; a new connection (or another machine) knows only the snapshot's state.
/// </summary>
internal sealed class ScalewayExportLedger
{
    private readonly ConcurrentDictionary<string, ScalewayExportRecord> _bySnapshot = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Remembers an export; a later export of the same snapshot replaces it.</summary>
    public void Add(ScalewayExportRecord record) => _bySnapshot[record.SnapshotId] = record;

    public ScalewayExportRecord? Find(string snapshotId) => _bySnapshot.TryGetValue(snapshotId, out var record) ? record : null;

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<ScalewayExportRecord> All() => _bySnapshot.Values.OrderBy(r => r.StartedAt).ToList();
}

/// <summary>One export started through this connection, and through which API.</summary>
internal sealed class ScalewayExportRecord
{
    public ScalewayExportRecord(string snapshotId, string zone, bool block, string bucket, string key, string? prefix, DateTimeOffset startedAt)
    {
        SnapshotId = snapshotId;
        Zone = zone;
        Block = block;
        Bucket = bucket;
        Key = key;
        Prefix = prefix;
        StartedAt = startedAt;
    }

    public string SnapshotId { get; }
    public string Zone { get; }
    public bool Block { get; }
    public string Bucket { get; }
    public string Key { get; }
    public string? Prefix { get; }
    public DateTimeOffset StartedAt { get; }
}
