using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Storage;

namespace SnapshotPS.Operations;

/// <summary>
/// Proves that a completed export landed: HeadObject on the task's key, else (the key unknown, or
/// OUTSCALE's UNVERIFIED naming missing) an object under the task's prefix whose key names the
/// snapshot; asked again until it shows or the time is up, as a store may show a new object late.
/// </summary>
internal static class ExportLanding
{
    /// <summary>The longest wait for the object once its task completed.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(5);

    /// <param name="storage">The store to look in; the connection's own when null (a bucket owner's keys otherwise).</param>
    /// <param name="bucketOwnerAccessKey">The access key id <paramref name="storage"/> is signed with when it is a bucket owner's, recorded on the export.</param>
    public static async Task<SnapshotExport> FindAsync(SnapshotConnection connection, SnapshotExportTask task, string? requestedKey, TimeSpan within,
        CancellationToken cancellationToken, ObjectStorageClient? storage = null, string? bucketOwnerAccessKey = null)
    {
        storage ??= connection.GetStorage();
        var key = task.Key ?? requestedKey;
        var poll = connection.GetClient().SuggestedPollInterval;
        if (poll > MaxPollInterval) poll = MaxPollInterval;
        var deadline = DateTime.UtcNow + (within > MaxWait ? MaxWait : within);
        while (true)
        {
            var found = await FindOnceAsync(storage, task, key, cancellationToken);
            if (found is not null)
                return SnapshotExport.From(found, connection.Name, connection.Provider, task.SnapshotId, task.Id, task.DiskImageFormat, bucketOwnerAccessKey);
            if (DateTime.UtcNow >= deadline)
                throw new ObjectStorageException(ObjectStorageErrorKind.NoSuchKey,
                    $"Export task {task.Id} of snapshot {task.SnapshotId} completed, but bucket '{task.Bucket}' at {storage.Endpoint} holds no " +
                    (key is null ? $"object for it under '{task.Prefix}'" : $"object '{key}' (nor one naming the snapshot under '{task.Prefix}')") + ".", "NoSuchKey");
            await Task.Delay(poll, cancellationToken);
        }
    }

    private static async Task<StoredObject?> FindOnceAsync(ObjectStorageClient storage, SnapshotExportTask task, string? key, CancellationToken cancellationToken)
    {
        if (key is not null && await storage.HeadAsync(task.Bucket, key, cancellationToken) is { } atKey) return atKey;
        var listed = await storage.ListAsync(task.Bucket, task.Prefix, 1000, cancellationToken);
        var named = listed.FirstOrDefault(o => o.Key.IndexOf(task.SnapshotId, StringComparison.Ordinal) >= 0);
        return named is null ? null : await storage.HeadAsync(task.Bucket, named.Key, cancellationToken);
    }
}
