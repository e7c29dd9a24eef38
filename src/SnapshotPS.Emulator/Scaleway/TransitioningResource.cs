namespace SnapshotPS.Emulator.Scaleway;

/// <summary>
/// A resource whose state moves on its own: a transient state now, a target state once the clock passes
/// the due time. States are settled lazily, whenever the resource is read.
/// </summary>
internal abstract class TransitioningResource
{
    public required string State { get; set; }

    public required DateTimeOffset ModifiedAt { get; set; }

    /// <summary>Why the resource failed, once it has.</summary>
    public string? ErrorReason { get; private set; }

    private PendingTransition? Pending { get; set; }

    public void Begin(string transientState, DateTimeOffset now, TimeSpan delay, string targetState, string? errorReason = null)
    {
        State = transientState;
        ModifiedAt = now;
        Pending = new PendingTransition(now + delay, targetState, errorReason);
    }

    /// <summary>Drops the transition begun last and puts the resource back in <paramref name="state"/>.</summary>
    public void Abandon(string state, DateTimeOffset now)
    {
        State = state;
        ModifiedAt = now;
        Pending = null;
    }

    public void Settle(DateTimeOffset now)
    {
        if (Pending is { } pending && now >= pending.DueAt)
        {
            State = pending.TargetState;
            ModifiedAt = pending.DueAt;
            ErrorReason = pending.ErrorReason ?? ErrorReason;
            Pending = null;
        }
    }

    private sealed record PendingTransition(DateTimeOffset DueAt, string TargetState, string? ErrorReason);
}
