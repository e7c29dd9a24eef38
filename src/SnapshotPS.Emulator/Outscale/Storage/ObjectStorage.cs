using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace SnapshotPS.Emulator.Outscale.Storage;

/// <summary>The S3-compatible server the fake writes exports to and reads import URLs from. Thread-safe.</summary>
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

    /// <summary>Writes the task's placeholder image; returns null on success, else why it failed.</summary>
    public async Task<string?> PutExportAsync(OutscaleExportTask task, int volumeSizeGiB)
    {
        var request = new PutObjectRequest
        {
            BucketName = task.OsuBucket,
            Key = ExportImage.Key(task),
            InputStream = new MemoryStream(ExportImage.Content(task.DiskImageFormat, volumeSizeGiB)),
            ContentType = "application/octet-stream",
            UseChunkEncoding = false,
        };
        request.Metadata.Add("x-amz-meta-snapshot-id", task.SnapshotId);
        try
        {
            await _s3.PutObjectAsync(request);
            return null;
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == "NoSuchBucket" || exception.StatusCode == HttpStatusCode.NotFound)
        {
            return $"the bucket '{task.OsuBucket}' does not exist";
        }
        catch (AmazonS3Exception exception)
        {
            return $"the bucket '{task.OsuBucket}' refused the disk image ({exception.ErrorCode ?? exception.StatusCode.ToString()})";
        }
        catch (Exception)
        {
            return $"the object storage could not be reached to write to bucket '{task.OsuBucket}'";
        }
    }

    public void Dispose()
    {
        _s3.Dispose();
        _http.Dispose();
    }
}
