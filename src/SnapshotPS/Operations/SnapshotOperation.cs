using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>What every operation shares: the connections, the pipeline, and one error per failed item.</summary>
public abstract class SnapshotOperation
{
    protected SnapshotOperation(ConnectionRegistry connections, ICmdletContext context, string cmdletPrefix)
    {
        Connections = connections;
        Context = context;
        CmdletPrefix = cmdletPrefix;
    }

    protected ConnectionRegistry Connections { get; }
    protected ICmdletContext Context { get; }

    /// <summary>The cmdlet's name without its hyphen, prefixed to every ErrorId.</summary>
    protected string CmdletPrefix { get; }

    /// <summary>
    /// Runs the work for one item; a failure becomes that item's error record and the pipeline goes
    /// on. Cancellation (Ctrl+C, or the seam reporting that the pipeline no longer takes output)
    /// ends the whole operation instead.
    /// </summary>
    protected async Task ForItemAsync(object? target, Func<Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ConfirmationUnavailableException)
        {
            throw;
        }
        catch (Exception failure)
        {
            Context.WriteError(OperationErrors.From(failure, CmdletPrefix, target));
        }
    }

    /// <summary>-Force skips the confirmation prompt but never turns -WhatIf into an action.</summary>
    protected bool Confirm(string target, string action, bool force) =>
        force && !Context.IsWhatIf ? true : Context.ShouldProcess(target, action);
}
