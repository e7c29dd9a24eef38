using System;

namespace SnapshotPS.Operations;

/// <summary>A copy through object storage that failed at one step; the message names the step and what the copy left behind.</summary>
public sealed class CopyStepException : Exception
{
    public CopyStepException(int step, int steps, string doing, string? leftBehind, Exception cause)
        : base($"Step {step} of {steps}, {doing}: {cause.Message}{(leftBehind is null ? "" : " Left behind: " + leftBehind + ".")}", cause)
    {
        Step = step;
        LeftBehind = leftBehind;
    }

    public int Step { get; }

    /// <summary>What exists because of the copy and was not removed (objects, an imported snapshot), or null.</summary>
    public string? LeftBehind { get; }
}
