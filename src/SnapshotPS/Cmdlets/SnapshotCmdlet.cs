using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Module;
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
    private ConnectionRegistry? _connections;

    /// <summary>The connections of this cmdlet's runspace; first read on the pipeline thread.</summary>
    protected ConnectionRegistry Connections => _connections ??= RunspaceConnections.Current;

    protected ICmdletContext Context => PSContext;

    private PSCmdletContext PSContext => _context ??= new PSCmdletContext(this, () => _bridge, _stopping);

    /// <summary>
    /// Where -Debug's request and response bodies (secrets redacted) go, or null when debug output is off,
    /// so that bodies are not even read for nothing.
    /// </summary>
    private protected Action<string>? BodyTrace => DebugIsOn ? PSContext.WriteDebug : null;

    private bool DebugIsOn
    {
        get
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var bound)) return bound is SwitchParameter { IsPresent: true };
            return LanguagePrimitives.TryConvertTo<ActionPreference>(GetVariableValue("DebugPreference"), out var preference)
                && preference is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
        }
    }

    /// <summary>Cancelled by Ctrl+C, or when PowerShell stops taking this cmdlet's output.</summary>
    private protected CancellationToken StopToken => _stopping.Token;

    /// <summary>The bridge writes from other threads go through; a bulk cmdlet keeps one for its whole run.</summary>
    private protected PipelineBridge? Bridge
    {
        get => _bridge;
        set => _bridge = value;
    }

    /// <summary>Runs async work for this record; HTTP tracing goes to -Verbose.</summary>
    protected void Run(Func<CancellationToken, Task> work)
    {
        try
        {
            PipelineBridge.Run(async bridge =>
            {
                _bridge = bridge;
                using (HttpTrace.Use(Context.WriteVerbose, BodyTrace))
                {
                    await work(_stopping.Token);
                }
            });
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            ThrowStopped();
        }
        catch (ConfirmationUnavailableException cannotAsk)
        {
            ThrowConfirmationUnavailable(cannotAsk);
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

    /// <summary>Ends the cmdlet the way PowerShell expects once the pipeline is stopping.</summary>
    private protected void ThrowStopped()
    {
        _context?.Halted?.Throw();
        throw new PipelineStoppedException();
    }

    /// <summary>Ends the command with the one error of a confirmation the host could not ask.</summary>
    private protected void ThrowConfirmationUnavailable(ConfirmationUnavailableException cannotAsk) =>
        ThrowTerminatingError(new ErrorRecord(cannotAsk, "ConfirmationUnavailable", ErrorCategory.InvalidOperation, cannotAsk.Target));

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
