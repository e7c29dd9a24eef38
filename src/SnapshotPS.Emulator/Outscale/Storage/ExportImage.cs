using System.Buffers.Binary;

namespace SnapshotPS.Emulator.Outscale.Storage;

/// <summary>The small placeholder written in place of a real disk image.</summary>
internal static class ExportImage
{
    private const int Length = 4096;
    private static readonly byte[] QcowMagic = [(byte)'Q', (byte)'F', (byte)'I', 0xFB];
    private const int QcowVersion = 3;
    private const int QcowClusterBits = 16;

    /// <summary>
    /// UNVERIFIED: the reference does not say how OUTSCALE names exported objects; the fake writes
    /// {OsuPrefix}{SnapshotId}.{qcow2|raw}.
    /// </summary>
    public static string Key(OutscaleExportTask task) => $"{task.OsuPrefix}{task.SnapshotId}.{task.DiskImageFormat}";

    /// <summary>A qcow2 header (magic "QFI\xfb", version, cluster bits, virtual size) or zeros for raw.</summary>
    public static byte[] Content(string diskImageFormat, int volumeSizeGiB)
    {
        var image = new byte[Length];
        if (diskImageFormat == "qcow2")
        {
            QcowMagic.CopyTo(image);
            BinaryPrimitives.WriteInt32BigEndian(image.AsSpan(4), QcowVersion);
            BinaryPrimitives.WriteInt32BigEndian(image.AsSpan(20), QcowClusterBits);
            BinaryPrimitives.WriteInt64BigEndian(image.AsSpan(24), (long)volumeSizeGiB << 30);
        }

        return image;
    }
}
