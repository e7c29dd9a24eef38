using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Outscale.Storage;

namespace SnapshotPS.Emulator.Outscale.Api;

/// <summary>CreateSnapshotExportTask, ReadSnapshotExportTasks and DeleteExportTask (reference 4.5 to 4.7).</summary>
internal static class ExportTaskOperations
{
    private static readonly string[] DiskImageFormats = ["qcow2", "raw"];

    /// <summary>OsuApiKey is read so that it is a known member, and then forgotten: its SecretKey is never kept.</summary>
    public static OperationOutcome Create(OutscaleCall call)
    {
        var snapshotId = call.Body.String("SnapshotId");
        var osuExport = call.Body.Object("OsuExport");
        var format = osuExport?.String("DiskImageFormat");
        var bucket = osuExport?.String("OsuBucket");
        var prefix = osuExport?.String("OsuPrefix");
        var manifestUrl = osuExport?.String("OsuManifestUrl");
        var apiKey = osuExport?.Object("OsuApiKey");
        apiKey?.String("ApiKeyId");
        apiKey?.String("SecretKey");
        if (call.SchemaError() is { } schema)
        {
            return schema;
        }

        var missing = snapshotId is null ? "SnapshotId"
            : osuExport is null ? "OsuExport"
            : format is null ? osuExport.PathOf("DiskImageFormat")
            : bucket is null ? osuExport.PathOf("OsuBucket")
            : null;
        if (missing is not null)
        {
            return OutscaleErrors.Missing(missing);
        }

        // UNVERIFIED: an unknown DiskImageFormat or an empty bucket name is 4047.
        var malformed = OutscaleIds.Check("SnapshotId", snapshotId!, OutscaleIds.Snapshot)
            ?? (DiskImageFormats.Contains(format, StringComparer.Ordinal) ? null : OutscaleErrors.InvalidValue("OsuExport.DiskImageFormat", "must be qcow2 or raw."))
            ?? (bucket!.Length > 0 ? null : OutscaleErrors.InvalidValue("OsuExport.OsuBucket", "must name a bucket."));
        if (malformed is not null)
        {
            return malformed;
        }

        var store = call.Store;
        lock (store.Gate)
        {
            var snapshot = store.OwnSnapshot(call.Account, snapshotId!);
            if (snapshot is null)
            {
                return OutscaleErrors.NoSuchSnapshot(snapshotId!);
            }

            // UNVERIFIED: exporting a snapshot that is not completed is refused (6003, 409).
            var state = snapshot.StatusAt(store.Now).State;
            if (state != "completed")
            {
                return OutscaleErrors.InvalidState($"The snapshot '{snapshot.Id}' is in state '{state}'; only completed snapshots can be exported.");
            }

            if (call.DryRun)
            {
                return OperationOutcome.Empty;
            }

            var task = new OutscaleExportTask
            {
                TaskId = store.NewId(OutscaleIds.ExportTask), AccountId = call.Account.AccountId, SnapshotId = snapshot.Id,
                CreatedAt = store.Now, Duration = call.Fake.Timings.ExportDelay, Fails = store.TakeExportFailure(),
                DiskImageFormat = format!, OsuBucket = bucket!, OsuPrefix = prefix, OsuManifestUrl = manifestUrl,
            };
            store.ExportTasks.Add(task.TaskId, task);
            return new JsonObject { ["SnapshotExportTask"] = OutscaleJson.ExportTask(task, task.InitialStatus) };
        }
    }

    /// <summary>Only the caller's own tasks (QA-verified); malformed IDs in filters just match nothing.</summary>
    public static async Task<OperationOutcome> ReadAsync(OutscaleCall call)
    {
        var filters = call.Body.Object("Filters");
        var taskIds = filters?.Strings("TaskIds");
        var snapshotIds = filters?.Strings("SnapshotIds");
        var pagingError = OutscalePaging.Validate(call.Body.Integer("ResultsPerPage"), call.Body.String("NextPageToken"), out var page);
        if ((call.SchemaError() ?? pagingError) is { } invalid)
        {
            return invalid;
        }

        if (call.DryRun)
        {
            return OperationOutcome.Empty;
        }

        await ExportUploads.SettleAsync(call.Fake, call.Account, call.Aborted);
        var store = call.Store;
        lock (store.Gate)
        {
            var now = store.Now;
            var sorted = store.ExportTasks.Values
                .Where(task => task.AccountId == call.Account.AccountId &&
                    (taskIds is null or { Count: 0 } || taskIds.Contains(task.TaskId)) &&
                    (snapshotIds is null or { Count: 0 } || snapshotIds.Contains(task.SnapshotId)))
                .OrderBy(task => task.CreatedAt)
                .ThenBy(task => task.TaskId, StringComparer.Ordinal);
            var (tasks, nextToken) = OutscalePaging.Take(sorted, page, task => new PageCursor(task.CreatedAt, task.TaskId));
            var payload = new JsonObject
            {
                ["SnapshotExportTasks"] = new JsonArray(tasks.Select(task => (JsonNode)OutscaleJson.ExportTask(task, task.StatusAt(now))).ToArray()),
            };
            if (nextToken is not null)
            {
                payload["NextPageToken"] = nextToken;
            }

            return payload;
        }
    }

    /// <summary>Cancels a pending or active task; it then reads "cancelled".</summary>
    public static OperationOutcome Delete(OutscaleCall call)
    {
        var taskId = call.Body.String("ExportTaskId");
        var invalid = call.SchemaError()
            ?? (taskId is null ? OutscaleErrors.Missing("ExportTaskId") : OutscaleIds.Check("ExportTaskId", taskId, OutscaleIds.ExportTask));
        if (invalid is not null)
        {
            return invalid;
        }

        var store = call.Store;
        lock (store.Gate)
        {
            var task = store.OwnExportTask(call.Account, taskId!);
            if (task is null)
            {
                return OutscaleErrors.NoSuchTask(taskId!);
            }

            // UNVERIFIED: the spec documents only 200 for DeleteExportTask. Cancelling a cancelled task again
            // answers 200 (the state asked for holds); a task that completed or failed cannot be cancelled (6003).
            var status = task.StatusAt(store.Now);
            if (status.State == "cancelled")
            {
                return OperationOutcome.Empty;
            }

            if (!status.IsCancellable)
            {
                return OutscaleErrors.InvalidState($"The export task '{task.TaskId}' is in state '{status.State}'; only pending or active tasks can be cancelled.");
            }

            if (!call.DryRun)
            {
                task.Cancel(store.Now);
            }

            return OperationOutcome.Empty;
        }
    }
}
