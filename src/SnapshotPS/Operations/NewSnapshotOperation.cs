using System;
using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

public sealed class NewSnapshotRequest
{
    public string? Connection { get; init; }
    public string? VolumeId { get; init; }

    /// <summary>A pre-signed URL of a disk image to import instead of snapshotting a volume.</summary>
    public Uri? ImportUri { get; init; }

    /// <summary>An export (from Export-CloudSnapshot -Wait) to import; or Bucket and Key in the connection's object storage.</summary>
    public Core.Storage.SnapshotExport? Export { get; init; }
    public string? Bucket { get; init; }
    public string? Key { get; init; }

    /// <summary>The bucket owner's keys (-BucketCredential) when the bucket is another account's.</summary>
    public string? BucketAccessKey { get; init; }
    public SecretValue? BucketSecretKey { get; init; }

    /// <summary>The disk's size; for an import from a bucket, read from the QCOW2 header (else the object's size) when not given.</summary>
    public long? SizeBytes { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IDictionary? Tags { get; init; }
    public string? Location { get; init; }
    public bool Wait { get; init; }
    public TimeSpan? Timeout { get; init; }

    /// <summary>Makes the create happen once across runs: a later run with the same token gets the same snapshot.</summary>
    public string? ClientToken { get; init; }

    /// <summary>The provider's kind of snapshot an import from a bucket becomes (Scaleway: "block" or "l_ssd").</summary>
    public string? SnapshotType { get; init; }
}

/// <summary>New-CloudSnapshot: one snapshot per volume; with -Wait, written once it is Available.</summary>
public sealed class NewSnapshotOperation : SnapshotOperation
{
    public NewSnapshotOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "NewCloudSnapshot")
    {
    }

    public Task ProcessAsync(NewSnapshotRequest request, CancellationToken cancellationToken) =>
        ForItemAsync(request.VolumeId ?? request.Export ?? (object?)Core.Http.HttpTrace.Redact(request.ImportUri) ?? $"{request.Bucket}/{request.Key}", async () =>
        {
            InputValidation.RequirePositive(request.Timeout, "Timeout");
            var bucket = request.Export?.Bucket ?? request.Bucket;
            var key = request.Export?.Key ?? request.Key;
            var fromObject = bucket is not null || key is not null;
            if (request.VolumeId is null && request.ImportUri is null && !fromObject)
                throw InputValidation.Invalid("VolumeId", "name the volume to snapshot, or what to import: an export piped from Export-CloudSnapshot -Wait, -Bucket and -Key, or -ImportUri and -SizeBytes.");
            if (fromObject && (string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(key)))
                throw InputValidation.Invalid(string.IsNullOrEmpty(bucket) ? "Bucket" : "Key", "an import from object storage names both the bucket and the key.");
            var connection = Connections.Resolve(request.Connection ?? request.Export?.Connection);
            var provider = connection.GetClient();
            provider.Require(request.ImportUri is null && !fromObject ? ProviderCapabilities.Create : ProviderCapabilities.Import);
            if (request.ImportUri is not null) SnapshotImports.RequireUrlImport(provider);
            if (request.Location is not null) provider.ValidateLocation(request.Location, "Location");
            if (request.SnapshotType is not null && (provider.Capabilities & ProviderCapabilities.ImportFromBucket) == 0)
                throw InputValidation.Invalid("SnapshotType", $"{provider.Provider} takes no kind of snapshot: -SnapshotType chooses what a Scaleway import from a bucket becomes.");
            var holder = HolderOf(request.Export, connection);
            if (!fromObject && request.BucketAccessKey is not null)
                throw InputValidation.Invalid("BucketCredential", "the bucket owner's keys read an import from object storage: give them with -Bucket and -Key, or with a piped export.");
            using var ownerStorage = fromObject ? BucketOwnerStorage.Open(holder, request.BucketAccessKey, request.BucketSecretKey, request.Export) : null;
            var import = fromObject ? SnapshotImports.Plan(connection, holder, bucket!, key!, ownerStorage) : null;
            var create = new CreateSnapshotRequest
            {
                VolumeId = request.VolumeId,
                ImportUri = import is { ByUrl: true } ? import.Storage.Endpoint : request.ImportUri,
                ImportBucket = import is { ByUrl: false } ? bucket : null,
                ImportKey = import is { ByUrl: false } ? key : null,
                SizeBytes = request.SizeBytes ?? (import is null ? null : 512),
                Name = request.Name,
                Description = request.Description,
                Tags = TagConversion.OrEmpty(request.Tags, "Tag"),
                Location = request.Location,
                ClientToken = request.ClientToken,
                SnapshotType = request.SnapshotType,
            };
            provider.Validate(create);
            var source = fromObject ? $"import of {bucket}/{key}"
                : request.ImportUri is null ? $"volume {request.VolumeId}" : $"import of {Core.Http.HttpTrace.Redact(request.ImportUri)}";
            if (!Context.ShouldProcess($"{source} on {connection.Name}", $"Create snapshot '{request.Name ?? "(generated name)"}'"))
                return;

            if (import is not null)
            {
                var (url, importBucket, importKey, size) = await import.ResolveAsync(request.SizeBytes, request.Export?.SizeBytes, cancellationToken);
                create = WithImport(create, url, importBucket, importKey, size);
                Context.WriteVerbose($"Importing {bucket}/{key} from {import.Storage.Endpoint} ({size} bytes) {(import.ByUrl ? "through a pre-signed URL" : "by bucket and key")}.");
            }
            var created = await SnapshotCreation.CreateAsync(Context, CmdletPrefix, () => provider.CreateSnapshotAsync(create, cancellationToken));
            if (created is not null) await SnapshotCreation.WriteWhenReadyAsync(Context, CmdletPrefix, provider, created, request.Wait, request.Timeout, cancellationToken);
        }, cancellationToken);

    /// <summary>The connection whose object storage holds an export: the one that made it, while it is connected.</summary>
    private SnapshotConnection HolderOf(Core.Storage.SnapshotExport? export, SnapshotConnection destination) =>
        export is null ? destination : Connections.Find(export.Connection) ?? destination;

    internal static CreateSnapshotRequest WithImport(CreateSnapshotRequest create, Uri? url, string? bucket, string? key, long size) => new()
    {
        ImportUri = url,
        ImportBucket = bucket,
        ImportKey = key,
        SizeBytes = size,
        Name = create.Name,
        Description = create.Description,
        Tags = create.Tags,
        Location = create.Location,
        ClientToken = create.ClientToken,
        SnapshotType = create.SnapshotType,
    };
}
