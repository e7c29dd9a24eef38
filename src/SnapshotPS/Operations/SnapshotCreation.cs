using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>What New and Copy share once a snapshot is asked for: nothing made is ever lost from view.</summary>
internal static class SnapshotCreation
{
    /// <summary>
    /// Runs the create; when it succeeded but a follow-up step (tagging) failed, writes the error
    /// and still returns the snapshot that now exists.
    /// </summary>
    public static async Task<CloudSnapshot?> CreateAsync(ICmdletContext context, string cmdletPrefix, Func<Task<CloudSnapshot>> create)
    {
        try
        {
            return await create();
        }
        catch (PartialSuccessException partly) when (partly.Result is CloudSnapshot made)
        {
            context.WriteError(OperationErrors.From(partly, cmdletPrefix, made));
            return made;
        }
        catch (SnapshotCreateInterruptedException interrupted)
        {
            ReportInterrupted(context, interrupted);
            throw;
        }
    }

    /// <summary>A stopped create says what it left behind, as far as the pipeline still takes output.</summary>
    private static void ReportInterrupted(ICmdletContext context, SnapshotCreateInterruptedException interrupted)
    {
        try
        {
            context.WriteWarning(interrupted.Message);
            if (interrupted.Snapshot is { } made) context.WriteObject(made);
        }
        catch (OperationCanceledException)
        {
            // PowerShell refuses output once the pipeline is stopping.
        }
    }

    /// <summary>Writes the snapshot, after waiting for it to be Available when asked; a failed wait still hands it on.</summary>
    public static async Task WriteWhenReadyAsync(ICmdletContext context, string cmdletPrefix, ISnapshotProvider provider, CloudSnapshot created,
        bool wait, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        context.WriteVerbose($"Created snapshot {created.Id} ({created.ProviderState}).");
        if (!wait || created.State == SnapshotState.Available)
        {
            context.WriteObject(created);
            return;
        }
        try
        {
            var ready = await SnapshotWaits.WaitAsync(context, provider, SnapshotLocator.From(created), new[] { SnapshotState.Available },
                timeout, null, $"Creating snapshot {created.Name} ({created.Id})", cancellationToken);
            context.WriteObject(ready!);
        }
        catch (Exception waitFailed) when (waitFailed is not OperationCanceledException)
        {
            context.WriteError(OperationErrors.From(waitFailed, cmdletPrefix, created));
            context.WriteObject(created);
        }
    }
}
