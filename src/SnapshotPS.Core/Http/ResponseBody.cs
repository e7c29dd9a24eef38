using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Http;

/// <summary>A response larger than the pipeline accepts.</summary>
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException(long limit)
        : base($"The response is larger than {limit} bytes.") => Limit = limit;

    public long Limit { get; }
}

/// <summary>
/// Reads a response body into memory within the attempt, so a body that is cut off or stalls fails
/// the attempt (under its timeout) rather than the caller, later, outside the retries.
/// </summary>
internal static class ResponseBody
{
    private const int ChunkSize = 81920;

    public static async Task BufferAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var content = response.Content;
        // Already read by the tracing of this attempt (a request id in the body, or -Debug).
        if (content is null or BufferedContent) return;
        if (content.Headers.ContentLength is long declared && declared > maxBytes) throw new ResponseTooLargeException(maxBytes);

        MemoryStream buffer;
        try
        {
            // A handler that ignores the token while a body trickles in is unblocked by closing the response.
            using (cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
            {
                var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                // Sized from Content-Length when declared, and handed on as it is: no copy of the body.
                buffer = new MemoryStream(content.Headers.ContentLength is long size and > 0 and <= int.MaxValue ? (int)size : 0);
                var chunk = new byte[ChunkSize];
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes) throw new ResponseTooLargeException(maxBytes);
                    buffer.Write(chunk, 0, read);
                }
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();

        var buffered = new BufferedContent(buffer.GetBuffer(), (int)buffer.Length);
        foreach (var header in content.Headers) buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = buffered;
        content.Dispose();
    }
}
