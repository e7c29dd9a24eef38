using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Outscale;

/// <summary>Snapshot export tasks: CreateSnapshotExportTask, ReadSnapshotExportTasks, DeleteExportTask.</summary>
public sealed partial class OutscaleProvider
{
    public override void ValidateExportTaskId(string id, string parameterName) => OutscaleIds.RequireExportTask(id, parameterName);

    public override void Validate(ExportSnapshotRequest request)
    {
        ValidateSnapshotId(request.Snapshot.Id, "Id");
        if (string.IsNullOrWhiteSpace(request.Bucket) || request.Bucket.Length is < 3 or > 63 || request.Bucket.Any(char.IsWhiteSpace))
            throw InputValidation.Invalid("Bucket", $"'{request.Bucket}' is not a bucket name: 3 to 63 characters, no spaces.");
        if ((request.BucketAccessKey is null) != (request.BucketSecretKey is null))
            throw InputValidation.Invalid("BucketCredential", "the bucket owner's keys need both the access key and the secret key.");
        if (request.Key is not null)
            throw InputValidation.Invalid("Key", "OUTSCALE names the exported object itself ({prefix}{snapshot id}.{format}); choose where it goes with -Prefix.");
    }

    public override async Task<SnapshotExportTask> ExportSnapshotAsync(ExportSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);

        var body = new CreateExportTaskBody
        {
            SnapshotId = request.Snapshot.Id,
            OsuExport = new OutscaleOsuExport
            {
                DiskImageFormat = request.Format == DiskImageFormat.Raw ? "raw" : "qcow2",
                OsuBucket = request.Bucket,
                OsuPrefix = request.Prefix,
                OsuApiKey = request.BucketAccessKey is null ? null : new OutscaleOsuApiKey { ApiKeyId = request.BucketAccessKey, SecretKey = request.BucketSecretKey!.Reveal() },
            },
        };
        var reply = await _transport.CallAsync("CreateSnapshotExportTask", body, OutscaleJsonContext.Default.CreateExportTaskBody,
            OutscaleJsonContext.Default.ExportTaskResponse, idempotent: false, cancellationToken).ConfigureAwait(false);
        return reply.SnapshotExportTask is { } task
            ? OutscaleMapping.FromExportTask(task, _connection, Region)
            : throw new CloudApiException(CloudProvider.Outscale, CloudErrorKind.InvalidResponse,
                "Outscale answered CreateSnapshotExportTask without a task. It may have started; check with Get-CloudSnapshotExportTask.", mayHaveSucceeded: true);
    }

    public override IAsyncEnumerable<SnapshotExportTask> ListExportTasksAsync(ExportTaskQuery query, CancellationToken cancellationToken)
    {
        foreach (var id in query.Ids) ValidateExportTaskId(id, "Id");
        foreach (var id in query.SnapshotIds) ValidateSnapshotId(id, "SnapshotId");
        return ListExportTasksCoreAsync(query, cancellationToken);
    }

    private async IAsyncEnumerable<SnapshotExportTask> ListExportTasksCoreAsync(ExportTaskQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filters = new ExportTaskFilters { TaskIds = NullIfEmpty(query.Ids), SnapshotIds = NullIfEmpty(query.SnapshotIds) };
        var tasks = CompleteListing.ByToken(
            async (token, ct) =>
            {
                var page = await _transport.CallAsync("ReadSnapshotExportTasks",
                    new ReadExportTasksRequest { ResultsPerPage = DefaultResultsPerPage, Filters = filters, NextPageToken = token },
                    OutscaleJsonContext.Default.ReadExportTasksRequest, OutscaleJsonContext.Default.ReadExportTasksResponse, idempotent: true, ct).ConfigureAwait(false);
                return new ListingPage<OutscaleExportTask>(page.SnapshotExportTasks!, nextCursor: page.NextPageToken);
            },
            t => t.TaskId, Listing($"snapshot export tasks in region {Region}", DefaultResultsPerPage), cancellationToken);
        await foreach (var task in tasks.ConfigureAwait(false))
            yield return OutscaleMapping.FromExportTask(task, _connection, Region);
    }

    public override async Task<SnapshotExportTask> GetExportTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        ValidateExportTaskId(taskId, "Id");
        await foreach (var task in ListExportTasksCoreAsync(new ExportTaskQuery { Ids = new[] { taskId } }, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(task.Id, taskId, StringComparison.OrdinalIgnoreCase)) return task;
        }
        throw new CloudApiException(CloudProvider.Outscale, CloudErrorKind.NotFound,
            $"Outscale has no export task {taskId} for this account in region {Region}.", 400, "5058");
    }

    public override Task CancelExportTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        ValidateExportTaskId(taskId, "Id");
        return _transport.CallAsync("DeleteExportTask", new DeleteExportTaskBody { ExportTaskId = taskId }, OutscaleJsonContext.Default.DeleteExportTaskBody,
            OutscaleJsonContext.Default.EmptyResponse, idempotent: true, cancellationToken);
    }
}
