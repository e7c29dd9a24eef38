using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace SnapshotPS.Core.Storage;

/// <summary>
/// An S3-compatible store through AWSSDK.S3, set up as such stores need: path-style addressing,
/// checksums only where required, no aws-chunked uploads, pre-signed URLs in the endpoint's scheme.
/// </summary>
public sealed class ObjectStorageClient : IDisposable
{
    /// <summary>Parts of a streamed copy; S3 asks at least 5 MiB of every part but the last.</summary>
    public const int CopyPartSize = 16 * 1024 * 1024;

    public static readonly TimeSpan MaxPresignedLifetime = TimeSpan.FromDays(7);

    private readonly ObjectStorageSettings _settings;
    private readonly AmazonS3Client _s3;

    public ObjectStorageClient(ObjectStorageSettings settings)
    {
        settings.Validate();
        _settings = settings;
        _s3 = new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey!.Reveal()), new AmazonS3Config
        {
            ServiceURL = settings.Endpoint!.ToString(),
            AuthenticationRegion = settings.Region,
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public Uri Endpoint => _settings.Endpoint!;

    /// <summary>The object's size and ETag, or null when the bucket holds no such key.</summary>
    public async Task<StoredObject?> HeadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        RequireName(bucket, "Bucket");
        RequireName(key, "Key");
        try
        {
            var head = await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return Describe(bucket, key, head.ContentLength, head.ETag, head.LastModified);
        }
        catch (AmazonS3Exception notThere) when (notThere.StatusCode == HttpStatusCode.NotFound)
        {
            // A HEAD answer has no body to tell a missing key from a missing bucket: ask about the bucket.
            if (await BucketExistsAsync(bucket, cancellationToken).ConfigureAwait(false)) return null;
            throw new ObjectStorageException(ObjectStorageErrorKind.NoSuchBucket, $"The bucket '{bucket}' does not exist at {Endpoint}.", "NoSuchBucket", notThere);
        }
        catch (Exception failure) when (Translate(failure, bucket, key) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<bool> BucketExistsAsync(string bucket, CancellationToken cancellationToken)
    {
        try
        {
            await _s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>A URL anyone can GET the object with until it expires; nothing is sent to the store.</summary>
    public Uri PresignGet(string bucket, string key, TimeSpan expiresIn, DateTime? now = null)
    {
        RequireName(bucket, "Bucket");
        RequireName(key, "Key");
        if (expiresIn <= TimeSpan.Zero || expiresIn > MaxPresignedLifetime)
            throw Model.InputValidation.Invalid("ExpiresIn", $"a pre-signed URL lives from 1 second to 7 days; {expiresIn} is out of range.");
        var url = _s3.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Protocol = Endpoint.Scheme == "http" ? Protocol.HTTP : Protocol.HTTPS,
            Expires = (now ?? DateTime.UtcNow) + expiresIn,
        });
        return new Uri(url);
    }

    /// <summary>
    /// Streams an object from this store to another (a different endpoint, account or bucket): one
    /// PUT for a small object, a multipart upload for a large one (aborted if the copy fails), with
    /// the bytes copied so far reported as they go. Returns the copy as the target describes it.
    /// </summary>
    public async Task<StoredObject> CopyToAsync(string bucket, string key, ObjectStorageClient target, string targetBucket, string targetKey,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        RequireName(targetBucket, "TargetBucket");
        RequireName(targetKey, "TargetKey");
        var source = await HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectStorageException(ObjectStorageErrorKind.NoSuchKey, $"{Endpoint} has no object '{key}' in bucket '{bucket}' to copy.", "NoSuchKey");
        GetObjectResponse read;
        try
        {
            read = await _s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (Translate(failure, bucket, key) is { } translated)
        {
            throw translated;
        }
        using (read)
        {
            try
            {
                await new StreamedUpload(target._s3, targetBucket, targetKey, progress).RunAsync(read.ResponseStream, source.SizeBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonS3Exception refused) when (Translate(refused, targetBucket, targetKey, target.Endpoint) is { } translated)
            {
                throw translated;
            }
            catch (Exception cut) when (cut is IOException or System.Net.Http.HttpRequestException)
            {
                throw new ObjectStorageException(ObjectStorageErrorKind.Unreachable,
                    $"Copying '{bucket}/{key}' from {Endpoint} to '{targetBucket}/{targetKey}' at {target.Endpoint} was cut off: {cut.Message}", null, cut);
            }
        }
        return await target.HeadAsync(targetBucket, targetKey, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectStorageException(ObjectStorageErrorKind.NoSuchKey, $"{target.Endpoint} does not show '{targetKey}' in bucket '{targetBucket}' after the copy.");
    }

    /// <summary>The objects whose keys start with the prefix (at most <paramref name="limit"/>), in key order.</summary>
    public async Task<IReadOnlyList<StoredObject>> ListAsync(string bucket, string? prefix, int limit, CancellationToken cancellationToken)
    {
        RequireName(bucket, "Bucket");
        var found = new List<StoredObject>();
        try
        {
            string? token = null;
            do
            {
                var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix ?? "", ContinuationToken = token }, cancellationToken)
                    .ConfigureAwait(false);
                foreach (var item in page.S3Objects ?? new List<S3Object>())
                {
                    if (found.Count == limit) return found;
                    found.Add(Describe(bucket, item.Key, item.Size ?? 0, item.ETag, item.LastModified));
                }
                token = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (token is not null);
            return found;
        }
        catch (Exception failure) when (Translate(failure, bucket, prefix ?? "") is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The first bytes of an object (a ranged GET), fewer when the object is shorter.</summary>
    public async Task<byte[]> ReadStartAsync(string bucket, string key, int length, CancellationToken cancellationToken)
    {
        RequireName(bucket, "Bucket");
        RequireName(key, "Key");
        try
        {
            using var read = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(0, length - 1) }, cancellationToken)
                .ConfigureAwait(false);
            var buffer = new byte[length];
            var total = 0;
            int got;
            while (total < length && (got = await read.ResponseStream.ReadAsync(buffer, total, length - total, cancellationToken).ConfigureAwait(false)) > 0)
                total += got;
            if (total == length) return buffer;
            var shorter = new byte[total];
            Array.Copy(buffer, shorter, total);
            return shorter;
        }
        catch (Exception failure) when (Translate(failure, bucket, key) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Removes an object; removing one that is not there is not an error (S3's own rule).</summary>
    public async Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        RequireName(bucket, "Bucket");
        RequireName(key, "Key");
        try
        {
            await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (Translate(failure, bucket, key) is { } translated)
        {
            throw translated;
        }
    }

    public void Dispose() => _s3.Dispose();

    private Exception? Translate(Exception failure, string bucket, string key) => Translate(failure, bucket, key, Endpoint);

    internal static Exception? Translate(Exception failure, string bucket, string key, Uri endpoint) => failure switch
    {
        OperationCanceledException => null,
        ObjectStorageException => null,
        ArgumentException => null,
        AmazonS3Exception { ErrorCode: "NoSuchBucket" } s3 => new ObjectStorageException(ObjectStorageErrorKind.NoSuchBucket,
            $"The bucket '{bucket}' does not exist{At(endpoint)}.", s3.ErrorCode, s3),
        AmazonS3Exception { ErrorCode: "NoSuchKey" } s3 => new ObjectStorageException(ObjectStorageErrorKind.NoSuchKey,
            $"The bucket '{bucket}' holds no object '{key}'{At(endpoint)}.", s3.ErrorCode, s3),
        AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden } s3 => new ObjectStorageException(ObjectStorageErrorKind.AccessDenied,
            $"The object storage refused access to '{bucket}/{key}'{At(endpoint)} ({s3.ErrorCode ?? "403"}): check the access key and the bucket's policy.", s3.ErrorCode, s3),
        AmazonS3Exception s3 => new ObjectStorageException(ObjectStorageErrorKind.Unknown,
            $"The object storage answered '{bucket}/{key}'{At(endpoint)} with {(int)s3.StatusCode} {s3.ErrorCode}: {s3.Message}", s3.ErrorCode, s3),
        System.Net.Http.HttpRequestException or IOException or AmazonServiceException => new ObjectStorageException(ObjectStorageErrorKind.Unreachable,
            $"The object storage{At(endpoint)} could not be reached for '{bucket}/{key}': {failure.Message}", null, failure),
        _ => null,
    };

    private static string At(Uri endpoint) => $" at {endpoint}";

    private StoredObject Describe(string bucket, string key, long size, string? etag, DateTime? lastModified) => new()
    {
        Endpoint = Endpoint,
        Bucket = bucket,
        Key = key,
        SizeBytes = size,
        ETag = (etag ?? "").Trim('"'),
        LastModified = lastModified is { } when ? new DateTimeOffset(DateTime.SpecifyKind(when, DateTimeKind.Utc)) : null,
    };

    private static void RequireName(string value, string parameterName) => Model.InputValidation.RequireNotEmpty(value, parameterName);
}
