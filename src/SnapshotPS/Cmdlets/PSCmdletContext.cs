using System;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// The seam's real side: the running cmdlet. Calls from other threads are handed to the pipeline
/// thread. When PowerShell refuses a write because the pipeline is stopping (Ctrl+C, or a
/// downstream Select-Object -First that has enough), the operation is cancelled instead of seeing
/// PowerShell's exception, and the cmdlet rethrows that exception once the operation has unwound.
/// </summary>
internal sealed class PSCmdletContext : ICmdletContext
{
    private readonly PSCmdlet _cmdlet;
    private readonly Func<PipelineBridge?> _bridge;
    private readonly CancellationTokenSource _stopping;

    public PSCmdletContext(PSCmdlet cmdlet, Func<PipelineBridge?> bridge, CancellationTokenSource stopping)
    {
        _cmdlet = cmdlet;
        _bridge = bridge;
        _stopping = stopping;
    }

    /// <summary>PowerShell's own stop signal, captured from a refused write.</summary>
    public ExceptionDispatchInfo? Halted { get; private set; }

    public void WriteObject(object item) => OnPipeline(() =>
    {
        if (item is Core.Model.CloudSnapshot snapshot) Module.SeenSnapshots.Current.Remember(snapshot);
        _cmdlet.WriteObject(item);
    });

    public void WriteError(OperationError error) => OnPipeline(() => _cmdlet.WriteError(ToErrorRecord(error)));

    /// <summary>The PowerShell error record for an operation's error, for writing or for ThrowTerminatingError.</summary>
    public static ErrorRecord ToErrorRecord(OperationError error)
    {
        var category = (ErrorCategory)Enum.Parse(typeof(ErrorCategory), error.Category.ToString());
        var record = new ErrorRecord(error.Exception, error.ErrorId, category, error.Target);
        if (error.RecommendedAction is not null)
            record.ErrorDetails = new ErrorDetails(error.Exception.Message) { RecommendedAction = error.RecommendedAction };
        return record;
    }

    public void WriteWarning(string message) => OnPipeline(() => _cmdlet.WriteWarning(message));

    public void WriteVerbose(string message) => OnPipeline(() => _cmdlet.WriteVerbose(message));

    public void WriteDebug(string message) => OnPipeline(() => _cmdlet.WriteDebug(message));

    public void WriteProgress(ProgressUpdate progress) => OnPipeline(() =>
        _cmdlet.WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
        {
            PercentComplete = progress.PercentComplete,
            SecondsRemaining = progress.SecondsRemaining,
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        }));

    public bool ShouldProcess(string target, string action)
    {
        var answer = false;
        try
        {
            OnPipeline(() => answer = _cmdlet.ShouldProcess(target, action), waitForIt: true);
        }
        catch (Exception cannotAsk) when (cannotAsk is not OperationCanceledException and not PipelineStoppedException)
        {
            throw new ConfirmationUnavailableException(target, cannotAsk);
        }
        return answer;
    }

    public bool IsWhatIf =>
        (_cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound) && bound is SwitchParameter { IsPresent: true })
        || LanguagePrimitives.IsTrue(_cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference", false));

    private void OnPipeline(Action write, bool waitForIt = false)
    {
        var bridge = _bridge();
        if (bridge is null || bridge.IsOnPipelineThread) Guarded(write);
        else if (waitForIt) bridge.Send(_ => Guarded(write), null);
        else bridge.Post(_ => { if (Halted is null) Guarded(write); }, null);
    }

    private void Guarded(Action write)
    {
        if (Halted is not null) throw new OperationCanceledException(_stopping.Token);
        try
        {
            write();
        }
        catch (PipelineStoppedException stop)
        {
            Halted = ExceptionDispatchInfo.Capture(stop);
            _stopping.Cancel();
            throw new OperationCanceledException(_stopping.Token);
        }
    }
}
