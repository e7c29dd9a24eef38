using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Http;

/// <summary>
/// A response body read into memory by the pipeline, whose bytes the transports parse where they
/// lie: HttpContent.ReadAsByteArrayAsync would copy them once more.
/// </summary>
internal sealed class BufferedContent : HttpContent
{
    private readonly byte[] _bytes;
    private readonly int _count;

    public BufferedContent(byte[] bytes, int count)
    {
        _bytes = bytes;
        _count = count;
    }

    public ReadOnlyMemory<byte> Bytes => new(_bytes, 0, _count);

    /// <summary>The body's bytes, without a copy when the pipeline buffered them.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContent? content) => content switch
    {
        null => ReadOnlyMemory<byte>.Empty,
        BufferedContent buffered => buffered.Bytes,
        _ => await content.ReadAsByteArrayAsync().ConfigureAwait(false),
    };

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes, 0, _count);

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(_bytes, 0, _count, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _count;
        return true;
    }
}
