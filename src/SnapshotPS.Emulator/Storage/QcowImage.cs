using System.Buffers.Binary;

namespace SnapshotPS.Emulator.Storage;

/// <summary>The small placeholder disk images the fakes write, and what they read back from an imported one.</summary>
internal static class QcowImage
{
    /// <summary>Enough bytes for every header field the fakes read.</summary>
    public const int HeaderLength = 4096;

    private static readonly byte[] QcowMagic = [(byte)'Q', (byte)'F', (byte)'I', 0xFB];
    private const int QcowVersion = 3;
    private const int QcowClusterBits = 16;

    /// <summary>A qcow2 header (magic "QFI\xfb", version, cluster bits, virtual size) or zeros for raw.</summary>
    public static byte[] Content(bool qcow2, long virtualSizeBytes)
    {
        var image = new byte[HeaderLength];
        if (qcow2)
        {
            QcowMagic.CopyTo(image);
            BinaryPrimitives.WriteInt32BigEndian(image.AsSpan(4), QcowVersion);
            BinaryPrimitives.WriteInt32BigEndian(image.AsSpan(20), QcowClusterBits);
            BinaryPrimitives.WriteInt64BigEndian(image.AsSpan(24), virtualSizeBytes);
        }

        return image;
    }

    /// <summary>
    /// Reads a qcow2 header (version 2 or 3): the virtual size, or why the image cannot be imported. The refusals
    /// follow the Scaleway docs' QCOW2 limits (reference 3.2): no encryption, no backing file.
    /// </summary>
    public static QcowHeader Read(ReadOnlySpan<byte> start)
    {
        if (start.Length < 72 || !start[..4].SequenceEqual(QcowMagic))
        {
            return new QcowHeader(null, "The provided file is not a QCOW2 image");
        }

        var version = BinaryPrimitives.ReadInt32BigEndian(start[4..]);
        if (version is not (2 or 3))
        {
            return new QcowHeader(null, $"The provided QCOW2 file has an unsupported version ({version})");
        }

        if (BinaryPrimitives.ReadInt64BigEndian(start[8..]) != 0)
        {
            return new QcowHeader(null, "The provided QCOW2 file has a backing file");
        }

        if (BinaryPrimitives.ReadInt32BigEndian(start[32..]) != 0)
        {
            return new QcowHeader(null, "The provided QCOW2 file is encrypted");
        }

        var size = BinaryPrimitives.ReadInt64BigEndian(start[24..]);
        return size <= 0
            ? new QcowHeader(null, "The provided QCOW2 file has no virtual size")
            : new QcowHeader(size, null);
    }
}

/// <summary>A qcow2 header's virtual size in bytes, or why it is refused.</summary>
internal sealed record QcowHeader(long? VirtualSize, string? Problem);
