using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>
/// Exports into the project's own Object Storage, as a QCOW2 object: the Instance API's export or the Block
/// API's export-to-object-storage, whichever owns the snapshot. Scaleway has no readable export task, so an
/// export is known by its snapshot's id and followed through the snapshot's state; see <see cref="ScalewayExportLedger"/>.
/// </summary>
public sealed partial class ScalewayProvider
{
    public override void ValidateExportTaskId(string id, string parameterName) =>
        ScalewayIds.Require(id, parameterName, "export (a Scaleway export is known by its snapshot's id)");

    public override void Validate(ExportSnapshotRequest request)
    {
        ZoneOf(request.Snapshot.Location);
        ValidateSnapshotId(request.Snapshot.Id, "Id");
        if (request.BucketAccessKey is not null || request.BucketSecretKey is not null)
            throw InputValidation.Invalid("BucketCredential", "Scaleway exports into a bucket of the snapshot's own project with the connection's API key; it takes no other keys.");
        if (request.Format != DiskImageFormat.Qcow2)
            throw InputValidation.Invalid("DiskImageFormat", $"Scaleway exports QCOW2 images only; {request.Format} is not offered.");
        ScalewayObjectNames.RequireBucket(request.Bucket, "Bucket");
        if (request.Key is not null && request.Prefix is not null)
            throw InputValidation.Invalid("Key", "-Key is the whole object key; give it, or -Prefix to let SnapshotPS name the object {prefix}{snapshot id}.qcow2, not both.");
        if (request.Key is not null) ScalewayObjectNames.RequireKey(request.Key, "Key");
        else ScalewayObjectNames.RequireKey(ExportKey(request), "Prefix");
    }

    /// <summary>The object key: -Key, else {Prefix}{snapshot id}.qcow2.</summary>
    private static string ExportKey(ExportSnapshotRequest request) => request.Key ?? $"{request.Prefix}{request.Snapshot.Id}.qcow2";

    public override async Task<SnapshotExportTask> ExportSnapshotAsync(ExportSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var zone = ZoneOf(request.Snapshot.Location);
        var body = new ObjectStorageTargetBody { Bucket = request.Bucket, Key = ExportKey(request) };
        var started = DateTimeOffset.UtcNow;
        ScalewayTask? accepted = null;
        var exported = await RouteAsync(request.Snapshot, zone, "snapshot",
            ct => ExportOnceAsync(zone, request.Snapshot.Id, block: false, async attempt =>
            {
                accepted = await _instance.ExportAsync(zone, request.Snapshot.Id, body, attempt).ConfigureAwait(false);
                return (CloudSnapshot?)null; // a placeholder task: the snapshot's own state says how the export goes
            }, ct),
            ct => ExportOnceAsync(zone, request.Snapshot.Id, block: true, async attempt =>
                (CloudSnapshot?)ScalewayMapping.FromBlock(await _block.ExportAsync(zone, request.Snapshot.Id, body, attempt).ConfigureAwait(false), _connection, zone), ct),
            cancellationToken).ConfigureAwait(false);
        var record = new ScalewayExportRecord(request.Snapshot.Id, zone, block: exported.Block,
            request.Bucket, body.Key!, request.Key is null ? request.Prefix : null, started);
        _exports.Add(record);
        return exported.Snapshot is { } snapshot
            ? ScalewayMapping.ExportTask(snapshot, record, _connection)
            : ScalewayMapping.StartedExportTask(record, accepted?.Status ?? "", _connection);
    }

    /// <summary>
    /// An export is not idempotent (a second one writes the object again), so it is never sent twice. When its
    /// answer is lost after it may have acted, the snapshot is read: "exporting" proves it started; anything
    /// else leaves it unknown (it may not have started, or may have finished already), and the error says so.
    /// </summary>
    private async Task<(CloudSnapshot? Snapshot, bool Block)> ExportOnceAsync(string zone, string id, bool block,
        Func<CancellationToken, Task<CloudSnapshot?>> export, CancellationToken cancellationToken)
    {
        using var attempts = AttemptLog.Begin();
        try
        {
            return (await export(cancellationToken).ConfigureAwait(false), block);
        }
        catch (CloudApiException failure) when (attempts.AnyMayHaveActed && failure.Kind != CloudErrorKind.NotFound)
        {
            CloudSnapshot? now = null;
            try
            {
                now = block
                    ? ScalewayMapping.FromBlock(await _block.GetAsync(zone, id, cancellationToken).ConfigureAwait(false), _connection, zone)
                    : ScalewayMapping.FromInstance(await _instance.GetAsync(zone, id, cancellationToken).ConfigureAwait(false), _connection, zone);
            }
            catch (CloudApiException)
            {
                // The message below says what is unknown.
            }
            if (now?.State == SnapshotState.Exporting) return (now, block);
            throw new CloudApiException(CloudProvider.Scaleway, failure.Kind,
                $"{LostAnswers.Plain(failure)}. The export was not sent again, as a second one would write the object again; " +
                (now is null ? "the snapshot could not be read to tell whether it started. " : $"the snapshot is {now.ProviderState}, so it may not have started or may have finished already. ") +
                "Look for the object in the bucket before exporting again.",
                failure.StatusCode, failure.ErrorCode, failure.RequestId, failure.IsRetryable, mayHaveSucceeded: true, innerException: failure);
        }
    }

    /// <summary>Reads the snapshot: exporting is Active, available again Completed, error Failed.</summary>
    public override async Task<SnapshotExportTask> GetExportTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        ValidateExportTaskId(taskId, "Id");
        var record = _exports.Find(taskId);
        var snapshot = await ReadExportedAsync(taskId, record, cancellationToken).ConfigureAwait(false);
        if (record is null && snapshot.State != SnapshotState.Exporting)
            throw new CloudApiException(CloudProvider.Scaleway, CloudErrorKind.NotFound,
                $"No export of snapshot {taskId} was started through this connection, and the snapshot is not exporting ({snapshot.ProviderState}). " +
                "Scaleway keeps no record of exports; a connection knows those it started.", 404, "not_found");
        return ScalewayMapping.ExportTask(snapshot, record, _connection);
    }

    private async Task<CloudSnapshot> ReadExportedAsync(string snapshotId, ScalewayExportRecord? record, CancellationToken cancellationToken)
    {
        if (record is null) return await GetSnapshotAsync(new SnapshotLocator(snapshotId), cancellationToken).ConfigureAwait(false);
        return record.Block
            ? ScalewayMapping.FromBlock(await _block.GetAsync(record.Zone, snapshotId, cancellationToken).ConfigureAwait(false), _connection, record.Zone)
            : ScalewayMapping.FromInstance(await _instance.GetAsync(record.Zone, snapshotId, cancellationToken).ConfigureAwait(false), _connection, record.Zone);
    }

    /// <summary>The exports this connection started (oldest first), each read again; Ids and SnapshotIds (the same ids here) narrow them.</summary>
    public override IAsyncEnumerable<SnapshotExportTask> ListExportTasksAsync(ExportTaskQuery query, CancellationToken cancellationToken)
    {
        foreach (var id in query.Ids) ValidateExportTaskId(id, "Id");
        foreach (var id in query.SnapshotIds) ValidateSnapshotId(id, "SnapshotId");
        return ListExportsAsync(query, cancellationToken);
    }

    private async IAsyncEnumerable<SnapshotExportTask> ListExportsAsync(ExportTaskQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(query.Ids, StringComparer.OrdinalIgnoreCase);
        wanted.UnionWith(query.SnapshotIds);
        foreach (var record in _exports.All())
        {
            if (wanted.Count > 0 && !wanted.Contains(record.SnapshotId)) continue;
            CloudSnapshot snapshot;
            try
            {
                snapshot = await ReadExportedAsync(record.SnapshotId, record, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudApiException gone) when (gone.Kind == CloudErrorKind.NotFound)
            {
                continue; // the snapshot was deleted since: nothing left to report on
            }
            yield return ScalewayMapping.ExportTask(snapshot, record, _connection);
        }
    }

    public override Task CancelExportTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        ValidateExportTaskId(taskId, "Id");
        throw InputValidation.Invalid("Id", "Scaleway cannot cancel an export: it runs until the object is written. Delete the object from the bucket afterwards if it is not wanted.");
    }
}
