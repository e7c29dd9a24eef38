using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Storage;

namespace SnapshotPS.Operations;

/// <summary>
/// An import of a disk image in object storage, in the form the destination takes: bucket and key for
/// providers that read their own store (ImportFromBucket), a pre-signed URL and a size for those that
/// read a URL (ImportFromUrl). Plan checks everything without a request; ResolveAsync reads what it must.
/// </summary>
internal sealed class SnapshotImports
{
    /// <summary>How long the URL handed to an ImportFromUrl provider lives: long enough for a large import to start.</summary>
    public static readonly TimeSpan ImportUrlLifetime = TimeSpan.FromHours(24);

    private const int QcowHeaderLength = 32;

    private SnapshotImports(ObjectStorageClient storage, string bucket, string key, bool byUrl)
    {
        Storage = storage;
        Bucket = bucket;
        Key = key;
        ByUrl = byUrl;
    }

    public ObjectStorageClient Storage { get; }
    public string Bucket { get; }
    public string Key { get; }
    public bool ByUrl { get; }

    /// <summary>
    /// The import of bucket/key held by <paramref name="holder"/>'s object storage into <paramref name="destination"/>;
    /// refuses, before any request, a destination that can read neither a URL nor that store.
    /// </summary>
    /// <param name="ownerStorage">The holder's store signed with the bucket owner's keys (-BucketCredential), when the bucket is another account's.</param>
    public static SnapshotImports Plan(SnapshotConnection destination, SnapshotConnection holder, string bucket, string key, ObjectStorageClient? ownerStorage = null)
    {
        var provider = destination.GetClient();
        var capabilities = provider.Capabilities;
        if ((capabilities & ProviderCapabilities.ImportFromBucket) != 0)
        {
            if (ownerStorage is not null)
                throw InputValidation.Invalid("BucketCredential",
                    $"{destination.Provider} imports from a bucket with the connection's own keys; it takes no bucket owner's keys.");
            if (holder != destination && !holder.SharesStorageWith(destination))
                throw InputValidation.Invalid("Bucket",
                    $"{destination.Provider} imports from its own object storage ({destination.StorageEndpoint}), but the object is in {holder.StorageEndpoint} (connection '{holder.Name}'): " +
                    $"copy the snapshot with Copy-CloudSnapshot -Destination {destination.Name} -Bucket ... -DestinationBucket ..., which moves the object.");
            return new SnapshotImports(destination.GetStorage(), bucket, key, byUrl: false);
        }
        provider.Require(ProviderCapabilities.ImportFromUrl,
            $"{destination.Provider} can import only from a URL or a bucket it can read; give -ImportUri where the provider allows it.");
        return new SnapshotImports(ownerStorage ?? holder.GetStorage(), bucket, key, byUrl: true);
    }

    /// <summary>Refuses -ImportUri on a provider that imports only from its own buckets, naming the alternative.</summary>
    public static void RequireUrlImport(ISnapshotProvider provider) =>
        provider.Require(ProviderCapabilities.ImportFromUrl,
            (provider.Capabilities & ProviderCapabilities.ImportFromBucket) != 0
                ? $"{provider.Provider} imports a disk image from a bucket and key of its object storage: give -Bucket and -Key, or pipe an export from Export-CloudSnapshot -Wait."
                : null);

    /// <summary>The request's import fields; size from <paramref name="sizeBytes"/>, else the QCOW2 header's virtual size, else the object's size.</summary>
    public async Task<(Uri? Url, string? Bucket, string? Key, long Size)> ResolveAsync(long? sizeBytes, long? knownObjectSize, CancellationToken cancellationToken)
    {
        var size = sizeBytes ?? await SizeAsync(knownObjectSize, cancellationToken);
        return ByUrl
            ? (Storage.PresignGet(Bucket, Key, ImportUrlLifetime), null, null, size)
            : (null, Bucket, Key, size);
    }

    private async Task<long> SizeAsync(long? knownObjectSize, CancellationToken cancellationToken)
    {
        var header = await Storage.ReadStartAsync(Bucket, Key, QcowHeaderLength, cancellationToken);
        if (VirtualSizeOfQcow2(header) is { } virtualSize) return virtualSize;
        if (knownObjectSize is { } known) return known;
        var head = await Storage.HeadAsync(Bucket, Key, cancellationToken)
            ?? throw new ObjectStorageException(ObjectStorageErrorKind.NoSuchKey, $"The bucket '{Bucket}' holds no object '{Key}' at {Storage.Endpoint}.", "NoSuchKey");
        return head.SizeBytes;
    }

    /// <summary>A QCOW2 image starts with "QFI\xfb"; its virtual size is the big-endian 64-bit number at byte 24.</summary>
    public static long? VirtualSizeOfQcow2(byte[] header)
    {
        if (header.Length < QcowHeaderLength || header[0] != 'Q' || header[1] != 'F' || header[2] != 'I' || header[3] != 0xFB) return null;
        long size = 0;
        for (var i = 24; i < 32; i++) size = (size << 8) | header[i];
        return size > 0 ? size : null;
    }
}
