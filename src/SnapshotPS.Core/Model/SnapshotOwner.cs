namespace SnapshotPS.Core.Model;

/// <summary>Whose snapshots a listing returns, where a cloud shows other accounts' snapshots too (Outscale).</summary>
public enum SnapshotOwner
{
    /// <summary>The connection's own snapshots: what can be changed and removed.</summary>
    Self,

    /// <summary>Other accounts' snapshots shared with the connection's account.</summary>
    SharedWithMe,

    /// <summary>Public snapshots, whoever owns them.</summary>
    Public,

    /// <summary>Everything the cloud lists: own, shared and public.</summary>
    Any,
}
