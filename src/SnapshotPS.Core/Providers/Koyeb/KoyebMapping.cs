using System;
using System.Collections.Generic;
using System.Linq;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Koyeb;

/// <summary>Koyeb snapshots to the common model (reference §4, §6).</summary>
internal static class KoyebMapping
{
    public const string Creating = "SNAPSHOT_STATUS_CREATING";
    public const string Available = "SNAPSHOT_STATUS_AVAILABLE";
    public const string Migrating = "SNAPSHOT_STATUS_MIGRATING";
    public const string Deleting = "SNAPSHOT_STATUS_DELETING";
    public const string Deleted = "SNAPSHOT_STATUS_DELETED";
    public const string Local = "SNAPSHOT_TYPE_LOCAL";
    public const string Remote = "SNAPSHOT_TYPE_REMOTE";

    private const long BytesPerGb = 1_000_000_000;

    public static CloudSnapshot ToSnapshot(KoyebSnapshot s, string connection) => new()
    {
        Provider = CloudProvider.Koyeb,
        Connection = connection,
        Id = s.Id,
        Name = s.Name ?? "",
        VolumeId = s.ParentVolumeId,
        State = StateOf(s.Status, s.Type),
        ProviderState = s.Status ?? "",
        SizeBytes = s.Size * BytesPerGb,
        CreatedAt = s.CreatedAt,
        ModifiedAt = s.UpdatedAt,
        Location = s.Region,
        Owner = s.OrganizationId,
        SnapshotType = s.Type,
        ProviderObject = s,
    };

    /// <summary>
    /// A snapshot is Available once it is AVAILABLE in remote storage: only then can a volume be restored
    /// from it (the control panel shows "Wait while we create the snapshot" before). AVAILABLE while
    /// still LOCAL is on its way there (Pending); AVAILABLE of no known type is taken at its word.
    /// </summary>
    public static SnapshotState StateOf(string? status, string? type) => status switch
    {
        Available when type == Local => SnapshotState.Pending,
        Available => SnapshotState.Available,
        Creating or Migrating => SnapshotState.Pending,
        Deleting => SnapshotState.Deleting,
        Deleted => SnapshotState.Deleted,
        _ => SnapshotState.Unknown,
    };

    /// <summary>
    /// The statuses to ask the server for so that every snapshot in the wanted states comes back (the
    /// client filter has the final word); null when the server cannot narrow the listing.
    /// </summary>
    public static IReadOnlyList<string>? StatusesFor(IReadOnlyList<SnapshotState> states)
    {
        if (states.Count == 0 || states.Contains(SnapshotState.Unknown)) return null;
        var statuses = new List<string>();
        void Add(string status) { if (!statuses.Contains(status)) statuses.Add(status); }
        foreach (var state in states)
        {
            switch (state)
            {
                case SnapshotState.Available: Add(Available); break;
                case SnapshotState.Pending: Add(Creating); Add(Migrating); Add(Available); break;
                case SnapshotState.Deleting: Add(Deleting); break;
                case SnapshotState.Deleted: Add(Deleted); break;
            }
        }
        return statuses;
    }
}
