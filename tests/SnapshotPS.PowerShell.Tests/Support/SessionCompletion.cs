namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>Tab completion as a console would ask for it: CommandCompletion.CompleteInput on the session's runspace.</summary>
public static class SessionCompletion
{
    /// <summary>The completion texts offered with the cursor at the end of the input.</summary>
    public static IReadOnlyList<string> Complete(this PowerShellSession session, string input)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = session.Runspace;
        var completion = CommandCompletion.CompleteInput(input, input.Length, null, shell);
        return completion.CompletionMatches.Select(m => m.CompletionText).ToList();
    }
}
