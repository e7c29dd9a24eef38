using SnapshotPS.Emulator.Storage;

namespace SnapshotPS.Emulator.Outscale.Storage;

/// <summary>Where and what an OUTSCALE export writes into the object storage.</summary>
internal static class ExportImage
{
    /// <summary>
    /// UNVERIFIED: the reference does not say how OUTSCALE names exported objects; the fake writes
    /// {OsuPrefix}{SnapshotId}.{qcow2|raw}.
    /// </summary>
    public static string Key(OutscaleExportTask task) => $"{task.OsuPrefix}{task.SnapshotId}.{task.DiskImageFormat}";

    /// <summary>Writes the task's placeholder image; returns null on success, else why it failed.</summary>
    public static Task<string?> PutAsync(ObjectStorage storage, OutscaleExportTask task, int volumeSizeGiB) =>
        storage.PutImageAsync(task.OsuBucket, Key(task),
            QcowImage.Content(task.DiskImageFormat == "qcow2", (long)volumeSizeGiB << 30),
            new Dictionary<string, string> { ["x-amz-meta-snapshot-id"] = task.SnapshotId });
}
