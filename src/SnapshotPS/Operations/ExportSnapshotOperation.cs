using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

public sealed class ExportSnapshotInput
{
    public SnapshotTarget Target { get; init; } = new();
    public string Bucket { get; init; } = "";
    public string? Prefix { get; init; }

    /// <summary>The whole object key, for providers that let the caller name the object.</summary>
    public string? Key { get; init; }
    public DiskImageFormat Format { get; init; } = DiskImageFormat.Qcow2;
    public string? BucketAccessKey { get; init; }
    public SecretValue? BucketSecretKey { get; init; }
    public bool Wait { get; init; }
    public TimeSpan? Timeout { get; init; }
}

/// <summary>
/// Export-CloudSnapshot: starts an export task; with -Wait, waits for it to complete and for the object
/// to show in the bucket (HeadObject), and writes the object (a SnapshotExport) instead of the task.
/// </summary>
public sealed class ExportSnapshotOperation : SnapshotOperation
{
    public ExportSnapshotOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "ExportCloudSnapshot")
    {
    }

    public Task ProcessAsync(ExportSnapshotInput request, CancellationToken cancellationToken) =>
        ForItemAsync(request.Target.InputObject ?? (object?)request.Target.Id, async () =>
        {
            InputValidation.RequirePositive(request.Timeout, "Timeout");
            var (connection, provider, locator) = request.Target.Resolve(Connections);
            provider.Require(ProviderCapabilities.Export);
            var export = new ExportSnapshotRequest(locator, request.Bucket)
            {
                Prefix = request.Prefix,
                Key = request.Key,
                Format = request.Format,
                BucketAccessKey = request.BucketAccessKey,
                BucketSecretKey = request.BucketSecretKey,
            };
            provider.Validate(export);
            var checksObject = request.Wait && connection.StorageEndpoint is not null;
            if (checksObject) connection.GetStorage();
            if (!Context.ShouldProcess(request.Target.Describe(connection.Name), $"Export snapshot to bucket {request.Bucket}/{request.Prefix} as {request.Format}")) return;

            var task = await provider.ExportSnapshotAsync(export, cancellationToken);
            Context.WriteVerbose($"Started export task {task.Id} ({task.ProviderState}).");
            if (request.Wait && task.State is ExportTaskState.Failed or ExportTaskState.Cancelled)
                Context.WriteError(OperationErrors.From(new SnapshotWaitException(task.Id, task, $"Export task {task.Id} ended {task.State}: {task.Comment}"), CmdletPrefix, task));
            if (!request.Wait || task.IsFinished && task.State != ExportTaskState.Completed)
            {
                Context.WriteObject(task);
                return;
            }
            var started = DateTime.UtcNow;
            var done = task.IsFinished ? task : await ExportTaskWaits.WaitAsync(Context, CmdletPrefix, provider, task, request.Timeout, cancellationToken);
            if (done is null) return;
            if (!checksObject)
            {
                Context.WriteWarning($"Connection '{connection.Name}' has no object storage, so export task {done.Id} is written without checking that the object landed.");
                Context.WriteObject(done);
                return;
            }
            var left = (request.Timeout ?? SnapshotWaits.DefaultTimeout) - (DateTime.UtcNow - started);
            // With -BucketCredential the bucket is another account's: its owner's keys look for the object.
            using var ownerStorage = BucketOwnerStorage.Open(connection, request.BucketAccessKey, request.BucketSecretKey);
            try
            {
                Context.WriteObject(await ExportLanding.FindAsync(connection, done, request.Key, left, cancellationToken, ownerStorage,
                    ownerStorage is null ? null : request.BucketAccessKey));
            }
            catch (Exception missing) when (missing is not OperationCanceledException)
            {
                Context.WriteError(OperationErrors.From(missing, CmdletPrefix, done));
                Context.WriteObject(done);
            }
        }, cancellationToken);
}

/// <summary>A wait on an export task with Write-Progress; a failed wait still hands the task on.</summary>
internal static class ExportTaskWaits
{
    /// <summary>The completed task; null when the wait failed, after writing the error and the task as last seen.</summary>
    public static async Task<SnapshotExportTask?> WaitAsync(ICmdletContext context, string cmdletPrefix, ISnapshotProvider provider, SnapshotExportTask task,
        TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var limit = timeout ?? SnapshotWaits.DefaultTimeout;
        var progress = new WaitProgress(context, $"Exporting snapshot {task.SnapshotId} ({task.Id}) to {task.Bucket}", limit, "completed");
        try
        {
            var done = await new ExportTaskWaiter(provider).WaitAsync(task.Id, limit,
                (t, elapsed) => progress.Report($"{t.State} ({t.ProviderState})", t.Progress, elapsed), cancellationToken);
            return done;
        }
        catch (Exception waitFailed) when (waitFailed is not OperationCanceledException)
        {
            context.WriteError(OperationErrors.From(waitFailed, cmdletPrefix, task));
            context.WriteObject((waitFailed as SnapshotWaitException)?.LastSeen as SnapshotExportTask ?? task);
            return null;
        }
        finally
        {
            progress.Complete();
        }
    }
}
