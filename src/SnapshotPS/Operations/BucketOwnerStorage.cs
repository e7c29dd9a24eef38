using System;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Storage;

namespace SnapshotPS.Operations;

/// <summary>
/// -BucketCredential: a bucket of another account (OUTSCALE exports into a bucket of other keys). Its objects are
/// read and signed with the owner's keys, through a store client of the connection's endpoint signed with them.
/// </summary>
internal static class BucketOwnerStorage
{
    /// <summary>
    /// A store client signed with the owner's keys (the caller disposes it), or null to use the connection's own store.
    /// Refuses, before any request, an export made with other keys when -BucketCredential is missing or gives other keys.
    /// </summary>
    public static ObjectStorageClient? Open(SnapshotConnection connection, string? accessKey, SecretValue? secretKey, SnapshotExport? export = null)
    {
        var recorded = export?.BucketOwnerAccessKey;
        if (accessKey is null || secretKey is null)
        {
            if (recorded is not null)
                throw InputValidation.Invalid("BucketCredential",
                    $"the export {export!.Bucket}/{export.Key} is in a bucket of other keys (access key {recorded}), which the connection's keys cannot read or sign for: give the bucket owner's keys with -BucketCredential.");
            return null;
        }
        if (recorded is not null && !string.Equals(recorded, accessKey, StringComparison.Ordinal))
            throw InputValidation.Invalid("BucketCredential",
                $"the export {export!.Bucket}/{export.Key} is in a bucket of access key {recorded}, but -BucketCredential gives access key {accessKey}.");
        return connection.NewStorageClient(accessKey, secretKey);
    }
}
