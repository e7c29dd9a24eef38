using SnapshotPS.Pipeline;

namespace SnapshotPS.Tests.Infrastructure;

/// <summary>The seam's test double: records everything an operation says, answers ShouldProcess as told.</summary>
public sealed class RecordingContext : ICmdletContext
{
    public List<object> Objects { get; } = new();
    public List<OperationError> Errors { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<ProgressUpdate> Progress { get; } = new();
    public List<(string Target, string Action)> ShouldProcessCalls { get; } = new();
    public List<int> WriteThreads { get; } = new();
    public List<int> ShouldProcessThreads { get; } = new();

    /// <summary>The answer to ShouldProcess: true as with -Confirm:$false, false as with -WhatIf or a "No".</summary>
    public bool ShouldProcessAnswer { get; set; } = true;

    public bool IsWhatIf { get; set; }

    /// <summary>
    /// Acts like PSCmdletContext when PowerShell stops taking output (Select-Object -First N
    /// downstream): after this many objects, cancels and throws OperationCanceledException.
    /// </summary>
    public (int After, CancellationTokenSource Stopping)? StopTakingObjects { get; set; }

    public void WriteObject(object item)
    {
        if (StopTakingObjects is { } stop && Objects.Count >= stop.After)
        {
            stop.Stopping.Cancel();
            throw new OperationCanceledException(stop.Stopping.Token);
        }
        Record();
        Objects.Add(item);
    }
    public void WriteError(OperationError error) { Record(); Errors.Add(error); }
    public void WriteWarning(string message) { Record(); Warnings.Add(message); }
    public void WriteVerbose(string message) { lock (Verbose) Verbose.Add(message); }
    public void WriteProgress(ProgressUpdate progress) { Record(); Progress.Add(progress); }

    public bool ShouldProcess(string target, string action)
    {
        ShouldProcessCalls.Add((target, action));
        ShouldProcessThreads.Add(Environment.CurrentManagedThreadId);
        return ShouldProcessAnswer && !IsWhatIf;
    }

    public IEnumerable<T> ObjectsOf<T>() => Objects.OfType<T>();

    /// <summary>Everything written as text, to check that no secret leaks.</summary>
    public string AllText() => string.Join("\n",
        Objects.Select(o => o.ToString()).Concat(Errors.Select(e => e.ToString() + " " + e.Exception))
            .Concat(Warnings).Concat(Verbose).Concat(Progress.Select(p => p.Activity + " " + p.Status)));

    private void Record() { lock (WriteThreads) WriteThreads.Add(Environment.CurrentManagedThreadId); }
}
