using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Storage;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

public sealed class ShareExportRequest
{
    /// <summary>An export from Export-CloudSnapshot -Wait; or Bucket and Key in the Connection's object storage.</summary>
    public SnapshotExport? Export { get; init; }
    public string? Bucket { get; init; }
    public string? Key { get; init; }
    public string? Connection { get; init; }
    public TimeSpan? ExpiresIn { get; init; }

    /// <summary>The bucket owner's keys (-BucketCredential) when the bucket is another account's.</summary>
    public string? BucketAccessKey { get; init; }
    public SecretValue? BucketSecretKey { get; init; }
}

/// <summary>Grant-CloudSnapshotPermission on an export: a pre-signed GET URL that lives -ExpiresIn (1 s to 7 days).</summary>
public sealed class ShareExportOperation : SnapshotOperation
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan MinLifetime = TimeSpan.FromSeconds(1);

    private readonly Func<DateTimeOffset> _now;

    public ShareExportOperation(ConnectionRegistry connections, ICmdletContext context, Func<DateTimeOffset>? now = null)
        : base(connections, context, "GrantCloudSnapshotPermission")
    {
        _now = now ?? (() => DateTimeOffset.UtcNow);
    }

    public static void ValidateLifetime(TimeSpan? expiresIn)
    {
        if (expiresIn is { } lifetime && (lifetime < MinLifetime || lifetime > ObjectStorageClient.MaxPresignedLifetime))
            throw InputValidation.Invalid("ExpiresIn", $"a pre-signed URL lives from 1 second to 7 days; {lifetime} is out of range.");
    }

    public Task ProcessAsync(ShareExportRequest request, CancellationToken cancellationToken) =>
        ForItemAsync(request.Export ?? (object?)$"{request.Bucket}/{request.Key}", async () =>
        {
            ValidateLifetime(request.ExpiresIn);
            var lifetime = request.ExpiresIn ?? DefaultLifetime;
            var bucket = request.Export?.Bucket ?? request.Bucket;
            var key = request.Export?.Key ?? request.Key;
            if (string.IsNullOrEmpty(bucket)) throw InputValidation.Invalid("Bucket", "name the bucket holding the object, or pipe an export from Export-CloudSnapshot -Wait.");
            if (string.IsNullOrEmpty(key)) throw InputValidation.Invalid("Key", "name the object's key, or pipe an export from Export-CloudSnapshot -Wait.");
            var connection = Connections.Resolve(request.Export?.Connection ?? request.Connection);
            using var ownerStorage = BucketOwnerStorage.Open(connection, request.BucketAccessKey, request.BucketSecretKey, request.Export);
            var storage = ownerStorage ?? connection.GetStorage();
            if (request.Export is { } export && !SameEndpoint(export.Endpoint, storage.Endpoint))
                throw InputValidation.Invalid("Export", $"the export is in {export.Endpoint}, but connection '{connection.Name}' uses the object storage at {storage.Endpoint}.");
            if (!Context.ShouldProcess($"{bucket}/{key} on {connection.Name}", $"Create a URL anyone can download the object with for {lifetime}")) return;

            if (request.Export is null && await storage.HeadAsync(bucket!, key!, cancellationToken) is null)
                throw new ObjectStorageException(ObjectStorageErrorKind.NoSuchKey, $"The bucket '{bucket}' holds no object '{key}' at {storage.Endpoint}.", "NoSuchKey");
            var now = _now();
            Context.WriteObject(new PresignedUrl
            {
                Connection = connection.Name,
                Bucket = bucket!,
                Key = key!,
                Url = storage.PresignGet(bucket!, key!, lifetime, now.UtcDateTime),
                ExpiresAt = now + lifetime,
            });
        }, cancellationToken);

    internal static bool SameEndpoint(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
