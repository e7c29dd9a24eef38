using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;

namespace SnapshotPS.Core.Storage;

/// <summary>
/// Writes a stream of known length to a bucket: one PUT when it fits in a part, else a multipart
/// upload whose parts are read one at a time (memory stays at one part), aborted on failure so no
/// half-written upload lingers in the target bucket.
/// </summary>
internal sealed class StreamedUpload
{
    private readonly IAmazonS3 _target;
    private readonly string _bucket;
    private readonly string _key;
    private readonly IProgress<long>? _progress;

    public StreamedUpload(IAmazonS3 target, string bucket, string key, IProgress<long>? progress)
    {
        _target = target;
        _bucket = bucket;
        _key = key;
        _progress = progress;
    }

    public async Task RunAsync(Stream source, long length, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ObjectStorageClient.CopyPartSize);
        try
        {
            if (length <= ObjectStorageClient.CopyPartSize)
            {
                var read = await FillAsync(source, buffer, cancellationToken).ConfigureAwait(false);
                await _target.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = _bucket,
                    Key = _key,
                    InputStream = new MemoryStream(buffer, 0, read, writable: false),
                    UseChunkEncoding = false,
                }, cancellationToken).ConfigureAwait(false);
                _progress?.Report(read);
                return;
            }
            await MultipartAsync(source, buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task MultipartAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var upload = await _target.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = _key }, cancellationToken)
            .ConfigureAwait(false);
        var parts = new List<PartETag>();
        long copied = 0;
        try
        {
            for (var number = 1; ; number++)
            {
                var read = await FillAsync(source, buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                var part = await _target.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _bucket,
                    Key = _key,
                    UploadId = upload.UploadId,
                    PartNumber = number,
                    InputStream = new MemoryStream(buffer, 0, read, writable: false),
                    PartSize = read,
                    UseChunkEncoding = false,
                }, cancellationToken).ConfigureAwait(false);
                parts.Add(new PartETag(number, part.ETag));
                copied += read;
                _progress?.Report(copied);
            }
            await _target.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = _key,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            try
            {
                await _target.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = _key, UploadId = upload.UploadId }, CancellationToken.None)
                    .ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The copy's own failure is what the caller needs; an upload left behind expires with the bucket's lifecycle rules.
            }
            throw;
        }
    }

    /// <summary>Reads until the buffer is full or the stream ends.</summary>
    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < ObjectStorageClient.CopyPartSize)
        {
            var read = await source.ReadAsync(buffer, total, ObjectStorageClient.CopyPartSize - total, cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            total += read;
        }
        return total;
    }
}
