using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Pipeline;

/// <summary>
/// Runs async work from a cmdlet while keeping the pipeline thread as the only one that talks to
/// PowerShell: continuations are queued back to the calling thread, which pumps them until the
/// work ends. Work from other threads (HTTP tracing) reaches the pipeline through Post.
/// </summary>
public sealed class PipelineBridge : SynchronizationContext
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly Thread _pipelineThread = Thread.CurrentThread;

    internal PipelineBridge()
    {
    }

    public bool IsOnPipelineThread => Thread.CurrentThread == _pipelineThread;

    public override void Post(SendOrPostCallback d, object? state)
    {
        try
        {
            _queue.Add((d, state));
        }
        catch (Exception ended) when (ended is InvalidOperationException or ObjectDisposedException)
        {
            // The work has ended: nothing is left to deliver to (a trace line from abandoned prefetch).
        }
    }

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (IsOnPipelineThread)
        {
            d(state);
            return;
        }
        using var done = new ManualResetEventSlim();
        Exception? failure = null;
        Post(_ =>
        {
            try { d(state); }
            catch (Exception e) { failure = e; }
            finally { done.Set(); }
        }, null);
        done.Wait();
        if (failure is not null) throw failure;
    }

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Waits for the next piece of work handed to the pipeline thread and runs it.</summary>
    internal void RunNext()
    {
        var (callback, state) = _queue.Take();
        RunHere(callback, state);
    }

    /// <summary>Runs what is already waiting, without blocking.</summary>
    internal bool TryRunNext()
    {
        if (!_queue.TryTake(out var next)) return false;
        RunHere(next.Callback, next.State);
        return true;
    }

    /// <summary>
    /// Runs a callback with this bridge as the thread's context, so the awaits it reaches come back
    /// here. The pipeline thread may be pumping inside another cmdlet's bridge (a downstream cmdlet
    /// runs within the upstream one's WriteObject); an await captured there would be posted to that
    /// bridge, which ends with the upstream record and drops it, and the item would never finish.
    /// </summary>
    private void RunHere(SendOrPostCallback callback, object? state)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            callback(state);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>Refuses further work; later posts (a stray trace line) are dropped.</summary>
    internal void Close() => _queue.CompleteAdding();

    /// <summary>Runs the work on the calling thread's pump; returns when it ends, rethrowing its failure.</summary>
    public static void Run(Func<PipelineBridge, Task> work)
    {
        var previous = Current;
        var bridge = new PipelineBridge();
        SetSynchronizationContext(bridge);
        try
        {
            Task task;
            try
            {
                task = work(bridge);
            }
            catch (Exception synchronousFailure)
            {
                task = Task.FromException(synchronousFailure);
            }
            task.ContinueWith(_ => bridge._queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (var (callback, state) in bridge._queue.GetConsumingEnumerable()) callback(state);
            task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
            bridge._queue.Dispose();
        }
    }
}
