using System;
using System.Threading;

namespace SnapshotPS.Core.Model;

/// <summary>
/// A create stopped (Ctrl+C) after it may have reached the cloud. Carries the snapshot when a quick
/// lookup found it, and a message that says how to find it otherwise.
/// </summary>
public sealed class SnapshotCreateInterruptedException : OperationCanceledException
{
    public SnapshotCreateInterruptedException(CloudSnapshot? snapshot, string message, Exception inner, CancellationToken token)
        : base(message, inner, token)
    {
        Snapshot = snapshot;
    }

    /// <summary>The snapshot the interrupted create made, when the lookup found it.</summary>
    public CloudSnapshot? Snapshot { get; }
}
