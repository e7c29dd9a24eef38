namespace SnapshotPS.Pipeline;

/// <summary>
/// Everything an operation says to the pipeline. The real one is the running cmdlet; tests use a
/// recording one. Calls are made on the pipeline thread (PipelineBridge sees to it).
/// </summary>
public interface ICmdletContext
{
    void WriteObject(object item);
    void WriteError(OperationError error);
    void WriteWarning(string message);
    void WriteVerbose(string message);
    void WriteProgress(ProgressUpdate progress);

    /// <summary>Asks -WhatIf/-Confirm whether to go ahead. False means: do nothing, send nothing.</summary>
    bool ShouldProcess(string target, string action);

    /// <summary>True when -WhatIf is in force, so that -Force never turns a what-if into an action.</summary>
    bool IsWhatIf { get; }
}
