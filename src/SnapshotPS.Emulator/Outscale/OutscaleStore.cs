namespace SnapshotPS.Emulator.Outscale;

/// <summary>
/// Everything the OUTSCALE fake holds, across accounts. Not thread-safe by itself: callers hold
/// <see cref="Gate"/>. Finders return only what the given account owns.
/// </summary>
internal sealed class OutscaleStore(TimeProvider time)
{
    private long _seedSequence;
    private int _snapshotFailures;
    private int _exportFailures;

    public object Gate { get; } = new();

    /// <summary>The clock, cut to whole milliseconds as the API shows dates.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = time.GetUtcNow();
            return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        }
    }

    public Dictionary<string, OutscaleAccount> AccountsByAccessKey { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OutscaleVolume> Volumes { get; } = new(StringComparer.Ordinal);

    /// <summary>By ID; add and remove through <see cref="AddSnapshot"/> and <see cref="RemoveSnapshot"/>.</summary>
    public Dictionary<string, OutscaleSnapshot> Snapshots { get; } = new(StringComparer.Ordinal);

    public OutscaleSnapshotOrder SnapshotOrder { get; } = new();

    public void AddSnapshot(OutscaleSnapshot snapshot)
    {
        Snapshots.Add(snapshot.Id, snapshot);
        SnapshotOrder.Add(snapshot);
    }

    public void RemoveSnapshot(OutscaleSnapshot snapshot)
    {
        if (Snapshots.Remove(snapshot.Id)) SnapshotOrder.Remove(snapshot);
    }

    public Dictionary<string, OutscaleExportTask> ExportTasks { get; } = new(StringComparer.Ordinal);

    public bool HasAccount(string accountId) => AccountsByAccessKey.Values.Any(account => account.AccountId == accountId);

    /// <summary>A fresh ID of that prefix that no resource uses yet.</summary>
    public string NewId(string prefix)
    {
        while (true)
        {
            var id = OutscaleIds.New(prefix);
            if (!Volumes.ContainsKey(id) && !Snapshots.ContainsKey(id) && !ExportTasks.ContainsKey(id))
            {
                return id;
            }
        }
    }

    /// <summary>Seeded snapshots look historic: a day back, one second apart, so they sort before API-created ones.</summary>
    public DateTimeOffset NextSeedDate() => Now - TimeSpan.FromDays(1) + TimeSpan.FromSeconds(++_seedSequence);

    public void AddSnapshotFailures(int count) => _snapshotFailures += count;

    public void AddExportFailures(int count) => _exportFailures += count;

    /// <summary>True when the snapshot being created or imported should end in "error".</summary>
    public bool TakeSnapshotFailure() => Take(ref _snapshotFailures);

    /// <summary>True when the export task being created should end in "failed".</summary>
    public bool TakeExportFailure() => Take(ref _exportFailures);

    public OutscaleSnapshot? OwnSnapshot(OutscaleAccount account, string id) =>
        Snapshots.GetValueOrDefault(id) is { } snapshot && snapshot.AccountId == account.AccountId ? snapshot : null;

    public OutscaleVolume? OwnVolume(OutscaleAccount account, string id) =>
        Volumes.GetValueOrDefault(id) is { } volume && volume.AccountId == account.AccountId ? volume : null;

    public OutscaleExportTask? OwnExportTask(OutscaleAccount account, string id) =>
        ExportTasks.GetValueOrDefault(id) is { } task && task.AccountId == account.AccountId ? task : null;

    private static bool Take(ref int remaining)
    {
        if (remaining == 0)
        {
            return false;
        }

        remaining--;
        return true;
    }
}
