using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Pipeline;

/// <summary>
/// Runs a cmdlet's pipeline items concurrently, at most ThrottleLimit at once, while the pipeline
/// thread stays the only one that talks to PowerShell. Each item starts on the pipeline thread and
/// runs there up to its first await, so what it asks first (ShouldProcess) is asked in input order;
/// its continuations come back to the pipeline thread, which runs them whenever it is here (while
/// adding an item, waiting for a free slot, or completing). Output and errors therefore arrive in
/// completion order. A failure that is not an item's own (cancellation, a stopped pipeline) cancels
/// the rest, waits for them to unwind, and is rethrown.
/// </summary>
public sealed class ThrottledPipeline
{
    private readonly HashSet<Task> _inFlight = new();
    private readonly CancellationTokenSource _cancel;
    private Exception? _failure;

    public ThrottledPipeline(int throttleLimit, CancellationToken stopping)
    {
        if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), "ThrottleLimit must be at least 1.");
        ThrottleLimit = throttleLimit;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public int ThrottleLimit { get; }

    /// <summary>Where the items' continuations are queued for the pipeline thread.</summary>
    public PipelineBridge Bridge { get; } = new();

    public int InFlight => _inFlight.Count;

    /// <summary>Starts one item once fewer than ThrottleLimit are in flight; returns without waiting for it.</summary>
    public void Add(Func<CancellationToken, Task> work)
    {
        while (_failure is null && _inFlight.Count >= ThrottleLimit) Pump(Bridge.RunNext);
        ThrowIfFailed();
        Start(work);
        while (_failure is null && TryPump())
        {
        }
        ThrowIfFailed();
    }

    /// <summary>Waits for every item in flight, running their continuations, then closes.</summary>
    public void Complete()
    {
        while (_inFlight.Count > 0) Pump(Bridge.RunNext);
        Bridge.Close();
        ThrowIfFailed();
    }

    private void Start(Func<CancellationToken, Task> work)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(Bridge);
        Task task;
        try
        {
            task = work(_cancel.Token);
        }
        catch (Exception synchronousFailure)
        {
            task = Task.FromException(synchronousFailure);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        _inFlight.Add(task);
        task.ContinueWith(t => Bridge.Post(_ => Finished(t), null), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Finished(Task task)
    {
        _inFlight.Remove(task);
        if (task.IsFaulted) Fail(task.Exception!.InnerException ?? task.Exception);
        else if (task.IsCanceled) Fail(new OperationCanceledException(_cancel.Token));
    }

    private bool TryPump()
    {
        var ran = false;
        Pump(() => ran = Bridge.TryRunNext());
        return ran;
    }

    private void Pump(Action runNext)
    {
        try
        {
            runNext();
        }
        catch (Exception failure)
        {
            Fail(failure);
        }
    }

    private void Fail(Exception failure)
    {
        _failure ??= failure;
        _cancel.Cancel();
    }

    private void ThrowIfFailed()
    {
        if (_failure is null) return;
        while (_inFlight.Count > 0) Pump(Bridge.RunNext);
        Bridge.Close();
        ExceptionDispatchInfo.Capture(_failure).Throw();
    }
}
