using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Http;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// A cmdlet that works on up to -ThrottleLimit pipeline items at once: confirmation is asked on the
/// pipeline thread in input order, results and errors are written as items finish (completion
/// order), EndProcessing waits for the rest, and Ctrl+C cancels everything in flight.
/// </summary>
public abstract class BulkSnapshotCmdlet : SnapshotCmdlet
{
    public const int DefaultThrottleLimit = 8;
    private ThrottledPipeline? _items;
    private BulkProgress? _progress;

    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    /// <summary>
    /// True when each item waits (-Wait, or Wait-CloudSnapshot): the waits' own bar counts the items
    /// ("37 of 200 available"), so the run shows no second one.
    /// </summary>
    protected virtual bool WaitsShowProgress => MyInvocation.BoundParameters.TryGetValue("Wait", out var wait) && wait is SwitchParameter { IsPresent: true };

    /// <summary>Starts this record's work beside those in flight; waits only when ThrottleLimit are running.</summary>
    protected void RunConcurrently(Func<CancellationToken, Task> work) => WhileRunning(() =>
    {
        if (_items is null)
        {
            _items = new ThrottledPipeline(ThrottleLimit, StopToken);
            Bridge = _items.Bridge;
            _progress = WaitsShowProgress ? null : new BulkProgress(Context, MyInvocation.MyCommand.Name);
        }
        var bodyTrace = BodyTrace;
        var progress = _progress;
        progress?.Started();
        _items.Add(async ct =>
        {
            using (HttpTrace.Use(Context.WriteVerbose, bodyTrace))
            {
                await work(ct);
            }
            // Not on failure: what escapes an item (Ctrl+C, a confirmation that cannot be asked) ends the run.
            progress?.Finished();
        });
    });

    protected override void EndProcessing() => WhileRunning(() =>
    {
        _items?.Complete();
        _progress?.Complete();
    });

    private void WhileRunning(Action action)
    {
        try
        {
            action();
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            ThrowStopped();
        }
        catch (ConfirmationUnavailableException cannotAsk)
        {
            ThrowConfirmationUnavailable(cannotAsk);
        }
    }
}
