using System;

namespace SnapshotPS.Pipeline;

/// <summary>
/// A confirmation could not be asked: the host cannot prompt (pwsh -NonInteractive, a scheduled task, a
/// service). It ends the whole command with one error, as built-in cmdlets do, instead of failing each item.
/// </summary>
public sealed class ConfirmationUnavailableException : Exception
{
    public ConfirmationUnavailableException(string target, Exception reason)
        : base($"Could not ask to confirm the operation on {target}: {reason.Message} Add -Force (or -Confirm:$false) to go ahead without asking, or -WhatIf to see what would be done.", reason)
    {
        Target = target;
    }

    /// <summary>What the confirmation was about.</summary>
    public string Target { get; }
}
