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
        ForItemAsync(request.VolumeId ?? (object?)Core.Http.HttpTrace.Redact(request.ImportUri), async () =>
        {
            InputValidation.RequirePositive(request.Timeout, "Timeout");
            var connection = Connections.Resolve(request.Connection);
            var provider = connection.GetClient();
            provider.Require(request.ImportUri is null ? ProviderCapabilities.Create : ProviderCapabilities.Import);
            if (request.Location is not null) provider.ValidateLocation(request.Location, "Location");
            if (request.SnapshotType is not null && (provider.Capabilities & ProviderCapabilities.ImportFromBucket) == 0)
                throw InputValidation.Invalid("SnapshotType", $"{provider.Provider} takes no kind of snapshot: -SnapshotType chooses what a Scaleway import from a bucket becomes.");
            var create = new CreateSnapshotRequest
            {
                VolumeId = request.VolumeId,
                ImportUri = request.ImportUri,
                SizeBytes = request.SizeBytes,
                Name = request.Name,
                Description = request.Description,
                Tags = TagConversion.OrEmpty(request.Tags, "Tag"),
                Location = request.Location,
                ClientToken = request.ClientToken,
                SnapshotType = request.SnapshotType,
            };
            provider.Validate(create);
            var source = request.ImportUri is null ? $"volume {request.VolumeId}" : $"import of {Core.Http.HttpTrace.Redact(request.ImportUri)}";
            if (!Context.ShouldProcess($"{source} on {connection.Name}", $"Create snapshot '{request.Name ?? "(generated name)"}'"))
                return;

            var created = await SnapshotCreation.CreateAsync(Context, CmdletPrefix, () => provider.CreateSnapshotAsync(create, cancellationToken));
            if (created is not null) await SnapshotCreation.WriteWhenReadyAsync(Context, CmdletPrefix, provider, created, request.Wait, request.Timeout, cancellationToken);
        }, cancellationToken);
}
