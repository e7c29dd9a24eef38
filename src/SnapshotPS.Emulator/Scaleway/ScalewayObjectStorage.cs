using SnapshotPS.Emulator.Storage;

namespace SnapshotPS.Emulator.Scaleway;

/// <summary>
/// The Scaleway fake's side of the S3-compatible server: exports are written as a QCOW2 image, imports read
/// back. Without a server configured (no --s3-endpoint) exports write nothing and imports trust the body,
/// as the fake did before it had object storage.
/// </summary>
internal static class ScalewayObjectStorage
{
    /// <summary>Writes the export's image, its virtual size the snapshot's; null on success, else why it failed.</summary>
    public static Task<string?> PutExportAsync(ObjectStorage? storage, string bucket, string key, string snapshotId, long sizeBytes) =>
        storage is null
            ? Task.FromResult<string?>(null)
            : storage.PutImageAsync(bucket, key, QcowImage.Content(qcow2: true, sizeBytes),
                new Dictionary<string, string> { ["x-amz-meta-snapshot-id"] = snapshotId });

    /// <summary>Reads the object to import: its virtual size, or why it cannot be imported.</summary>
    public static async Task<ImportSource> InspectAsync(ObjectStorage? storage, string bucket, string key, CancellationToken cancellationToken)
    {
        if (storage is null)
        {
            return new ImportSource(null, null, BadImage: false);
        }

        var read = await storage.ReadStartAsync(bucket, key, QcowImage.HeaderLength, cancellationToken);
        if (read.Outcome != ObjectReadOutcome.Found)
        {
            return new ImportSource(null, read.Problem, BadImage: false);
        }

        var header = QcowImage.Read(read.Start);
        return new ImportSource(header.VirtualSize, header.Problem, BadImage: header.Problem is not null);
    }
}

/// <summary>
/// What an import reads: the image's virtual size (null when unknown or unread), or a problem: a bad image
/// (<see cref="BadImage"/>) or an object that could not be read.
/// </summary>
internal sealed record ImportSource(long? VirtualSize, string? Problem, bool BadImage);
