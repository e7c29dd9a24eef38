using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace SnapshotPS.Emulator.Storage;

/// <summary>
/// The S3-compatible server (--s3-endpoint) the fakes write exports to and read imports from: OUTSCALE through
/// pre-signed URLs, Scaleway by bucket and key. Thread-safe.
/// </summary>
internal sealed class ObjectStorage : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Uri _serviceUrl;
    private readonly AmazonS3Client _s3;
    private readonly HttpClient _http = new() { Timeout = Timeout };

    public ObjectStorage(ObjectStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options.ServiceUrl);
        ArgumentException.ThrowIfNullOrEmpty(options.AccessKey);
        ArgumentException.ThrowIfNullOrEmpty(options.SecretKey);
        _serviceUrl = options.ServiceUrl;
        _s3 = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = Timeout,
            MaxErrorRetry = 0,
        });
    }

    public Uri ServiceUrl => _serviceUrl;

    /// <summary>True when the URL names this server (same scheme, host and port).</summary>
    public bool Serves(Uri url) =>
        string.Equals(url.Scheme, _serviceUrl.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(url.Host, _serviceUrl.Host, StringComparison.OrdinalIgnoreCase) &&
        url.Port == _serviceUrl.Port;

    /// <summary>Reads a pre-signed URL with a plain GET, as the real service would; false unless the answer is 2xx.</summary>
    public async Task<bool> CanReadAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Writes a disk image; returns null on success, else why it failed.</summary>
    public async Task<string?> PutImageAsync(string bucket, string key, byte[] content, IReadOnlyDictionary<string, string> metadata)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = new MemoryStream(content),
            ContentType = "application/octet-stream",
            UseChunkEncoding = false,
        };
        foreach (var (name, value) in metadata)
        {
            request.Metadata.Add(name, value);
        }

        try
        {
            await _s3.PutObjectAsync(request);
            return null;
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == "NoSuchBucket" || exception.StatusCode == HttpStatusCode.NotFound)
        {
            return $"the bucket '{bucket}' does not exist";
        }
        catch (AmazonS3Exception exception)
        {
            return $"the bucket '{bucket}' refused the disk image ({exception.ErrorCode ?? exception.StatusCode.ToString()})";
        }
        catch (Exception)
        {
            return $"the object storage could not be reached to write to bucket '{bucket}'";
        }
    }

    /// <summary>Reads the first <paramref name="length"/> bytes of an object (fewer when it is shorter).</summary>
    public async Task<ObjectRead> ReadStartAsync(string bucket, string key, int length, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _s3.GetObjectAsync(new GetObjectRequest
            {
                BucketName = bucket,
                Key = key,
                ByteRange = new ByteRange(0, length - 1),
            }, cancellationToken);
            using var content = new MemoryStream();
            await response.ResponseStream.CopyToAsync(content, cancellationToken);
            var bytes = content.ToArray();
            return new ObjectRead(ObjectReadOutcome.Found, bytes.Length > length ? bytes[..length] : bytes, null);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == "NoSuchBucket")
        {
            return new ObjectRead(ObjectReadOutcome.NoSuchBucket, [], $"the bucket '{bucket}' does not exist");
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == "NoSuchKey" || exception.StatusCode == HttpStatusCode.NotFound)
        {
            return new ObjectRead(ObjectReadOutcome.NoSuchKey, [], $"the object '{key}' does not exist in bucket '{bucket}'");
        }
        catch (AmazonS3Exception exception)
        {
            return new ObjectRead(ObjectReadOutcome.Unreadable, [], $"the bucket '{bucket}' refused to read '{key}' ({exception.ErrorCode ?? exception.StatusCode.ToString()})");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ObjectRead(ObjectReadOutcome.Unreadable, [], $"the object storage could not be reached to read bucket '{bucket}'");
        }
    }

    public void Dispose()
    {
        _s3.Dispose();
        _http.Dispose();
    }
}

internal enum ObjectReadOutcome
{
    Found,
    NoSuchBucket,
    NoSuchKey,
    Unreadable,
}

/// <summary>What reading an object found: its first bytes, or why there are none.</summary>
internal sealed record ObjectRead(ObjectReadOutcome Outcome, byte[] Start, string? Problem);
