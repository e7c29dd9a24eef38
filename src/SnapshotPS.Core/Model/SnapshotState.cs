namespace SnapshotPS.Core.Model;

/// <summary>A snapshot's state, normalized across providers; the raw value stays in ProviderState.</summary>
public enum SnapshotState
{
    Unknown,
    Pending,
    Available,
    Importing,
    Exporting,
    Deleting,
    Error,
    Deleted,
}

public static class SnapshotStateExtensions
{
    /// <summary>True for states a snapshot leaves by itself, given time.</summary>
    public static bool IsTransient(this SnapshotState state) =>
        state is SnapshotState.Pending or SnapshotState.Importing or SnapshotState.Exporting or SnapshotState.Deleting;
}
