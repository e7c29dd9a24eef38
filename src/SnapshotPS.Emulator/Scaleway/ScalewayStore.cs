using System.Collections.Concurrent;
using SnapshotPS.Emulator.Scaleway.Block;
using SnapshotPS.Emulator.Scaleway.Instance;

namespace SnapshotPS.Emulator.Scaleway;

/// <summary>
/// Everything the Scaleway fake holds. Not thread-safe by itself: callers hold <see cref="Gate"/>.
/// Finders hide other projects' resources and settle states that are due.
/// </summary>
internal sealed class ScalewayStore(TimeProvider time)
{
    private long _sequence;
    private int _failuresToInject;

    public object Gate { get; } = new();

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Read on every request without <see cref="Gate"/>, so authenticating never waits for a listing.</summary>
    public ConcurrentDictionary<string, ScalewayTenant> Tenants { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, InstanceVolume> InstanceVolumes { get; } = [];

    /// <summary>By id; add and remove through <see cref="AddInstanceSnapshot"/> and <see cref="RemoveInstanceSnapshot"/>.</summary>
    public Dictionary<string, InstanceSnapshot> InstanceSnapshots { get; } = [];

    public InstanceSnapshotOrder InstanceOrder { get; } = new();

    public Dictionary<string, BlockVolume> BlockVolumes { get; } = [];

    public Dictionary<string, BlockSnapshot> BlockSnapshots { get; } = [];

    public void AddInstanceSnapshot(InstanceSnapshot snapshot)
    {
        InstanceSnapshots.Add(snapshot.Id, snapshot);
        InstanceOrder.Add(snapshot);
    }

    public void RemoveInstanceSnapshot(InstanceSnapshot snapshot)
    {
        if (InstanceSnapshots.Remove(snapshot.Id)) InstanceOrder.Remove(snapshot);
    }

    public long NextSequence() => ++_sequence;

    public void AddFailures(int count) => _failuresToInject += count;

    /// <summary>True when the snapshot being created should end in failure.</summary>
    public bool TakeFailure()
    {
        if (_failuresToInject == 0)
        {
            return false;
        }

        _failuresToInject--;
        return true;
    }

    /// <summary>The organization owning a project; on Scaleway a default project's id is its organization's id.</summary>
    public string OrganizationOf(string projectId) =>
        Tenants.Values.FirstOrDefault(tenant => tenant.ProjectId == projectId)?.OrganizationId ?? projectId;

    public InstanceSnapshot? FindInstanceSnapshot(ScalewayTenant tenant, string zone, string id) =>
        Visible(InstanceSnapshots, ScalewayIds.Normalize(id), snapshot => snapshot.Zone == zone && snapshot.ProjectId == tenant.ProjectId);

    public InstanceVolume? FindInstanceVolume(ScalewayTenant tenant, string zone, string id) =>
        InstanceVolumes.GetValueOrDefault(ScalewayIds.Normalize(id) ?? "") is { } volume && volume.Zone == zone && volume.ProjectId == tenant.ProjectId
            ? volume
            : null;

    public BlockSnapshot? FindBlockSnapshot(ScalewayTenant tenant, string zone, string id) =>
        Visible(BlockSnapshots, ScalewayIds.Normalize(id), snapshot => snapshot.Zone == zone && snapshot.ProjectId == tenant.ProjectId && !snapshot.IsDeleted);

    public BlockVolume? FindBlockVolume(ScalewayTenant tenant, string zone, string id) =>
        BlockVolumes.GetValueOrDefault(ScalewayIds.Normalize(id) ?? "") is { } volume && volume.Zone == zone && volume.ProjectId == tenant.ProjectId
            ? volume
            : null;

    /// <summary>Every snapshot of a zone (all projects), states settled.</summary>
    public IEnumerable<T> SettledIn<T>(Dictionary<string, T> snapshots, Func<T, bool> filter)
        where T : TransitioningResource
    {
        var now = Now;
        foreach (var snapshot in snapshots.Values.Where(filter))
        {
            snapshot.Settle(now);
            yield return snapshot;
        }
    }

    private T? Visible<T>(Dictionary<string, T> snapshots, string? id, Func<T, bool> visible)
        where T : TransitioningResource
    {
        if (id is null || !snapshots.TryGetValue(id, out var snapshot) || !visible(snapshot))
        {
            return null;
        }

        snapshot.Settle(Now);
        return snapshot;
    }
}
