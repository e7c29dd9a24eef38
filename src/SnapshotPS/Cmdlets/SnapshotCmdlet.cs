using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// The base of every cmdlet: the session's connections, the seam, and the async bridge that keeps
/// writes on the pipeline thread and cancels requests in flight on Ctrl+C.
/// </summary>
public abstract class SnapshotCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private PipelineBridge? _bridge;
    private PSCmdletContext? _context;

    protected ConnectionRegistry Connections => RunspaceConnections.Current;

    protected ICmdletContext Context => _context ??= new PSCmdletContext(this, () => _bridge, _stopping);

    /// <summary>Runs async work for this record; HTTP tracing goes to -Verbose.</summary>
    protected void Run(Func<CancellationToken, Task> work)
    {
        try
        {
            PipelineBridge.Run(async bridge =>
            {
                _bridge = bridge;
                using (HttpTrace.Use(Context.WriteVerbose))
                {
                    await work(_stopping.Token);
                }
            });
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            _context?.Halted?.Throw();
            throw new PipelineStoppedException();
        }
        finally
        {
            _bridge = null;
        }
    }

    /// <summary>Runs synchronous work under the same rules (a stopped pipeline ends it cleanly).</summary>
    protected void Run(Action work) => Run(_ =>
    {
        work();
        return Task.CompletedTask;
    });

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
