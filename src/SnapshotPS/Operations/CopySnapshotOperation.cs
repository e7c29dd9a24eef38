using System;
using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

public sealed class CopySnapshotRequestInput
{
    public SnapshotTarget Source { get; init; } = new();

    /// <summary>The region the source is in, when it is not the connection's.</summary>
    public string? SourceRegion { get; init; }

    /// <summary>The connection whose region receives the copy; the source's connection when null.</summary>
    public string? Destination { get; init; }

    public string? Name { get; init; }
    public string? Description { get; init; }
    public IDictionary? Tags { get; init; }
    public bool Wait { get; init; }
    public TimeSpan? Timeout { get; init; }

    /// <summary>Copy through object storage: a bucket of the source connection's store to export into.</summary>
    public string? Bucket { get; init; }

    /// <summary>A bucket of the destination's store, when the destination uses another store (endpoint or keys).</summary>
    public string? DestinationBucket { get; init; }

    /// <summary>Removes the exported and copied objects once the copy is available.</summary>
    public bool RemoveIntermediate { get; init; }
}

/// <summary>
/// Copy-CloudSnapshot: a copy in the destination connection's region, from the same or another region;
/// with -Bucket (required across clouds), through object storage (CopyThroughStorage).
/// </summary>
public sealed class CopySnapshotOperation : SnapshotOperation
{
    public CopySnapshotOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "CopyCloudSnapshot")
    {
    }

    public Task ProcessAsync(CopySnapshotRequestInput request, CancellationToken cancellationToken) =>
        ForItemAsync(request.Source.InputObject ?? (object?)request.Source.Id, async () =>
        {
            InputValidation.RequirePositive(request.Timeout, "Timeout");
            var tags = TagConversion.OrEmpty(request.Tags, "Tag");
            var (source, _, locator) = request.Source.Resolve(Connections);
            var destination = Connections.Resolve(request.Destination ?? source.Name);
            if (request.Bucket is not null || source.Provider != destination.Provider)
            {
                var plan = PlanThroughStorage(request, source, destination, locator, tags);
                if (!Context.ShouldProcess(request.Source.Describe(source.Name), $"Copy snapshot to {destination.Name} ({destination.Location}) through bucket {request.Bucket}")) return;
                Context.WriteObject(await new CopyThroughStorage(Context, plan).RunAsync(cancellationToken));
                return;
            }
            if (request.DestinationBucket is not null || request.RemoveIntermediate)
                throw InputValidation.Invalid(request.DestinationBucket is not null ? "DestinationBucket" : "RemoveIntermediate", "goes with a copy through object storage: add -Bucket.");
            var provider = destination.GetClient();
            var sourceRegion = request.SourceRegion ?? locator.Location ?? source.Location;
            provider.Require(sourceRegion is not null && sourceRegion != destination.Location
                ? ProviderCapabilities.Copy | ProviderCapabilities.CrossRegionCopy
                : ProviderCapabilities.Copy);
            var copy = new CopySnapshotRequest(new SnapshotLocator(locator.Id, sourceRegion, locator.ProviderObject))
            {
                SourceRegion = sourceRegion,
                Name = request.Name,
                Description = request.Description,
                Tags = tags,
            };
            provider.Validate(copy);
            if (!Context.ShouldProcess($"{request.Source.Describe(source.Name)} ({sourceRegion})", $"Copy snapshot to {destination.Name} ({destination.Location})")) return;

            var created = await SnapshotCreation.CreateAsync(Context, CmdletPrefix, () => provider.CopySnapshotAsync(copy, cancellationToken));
            if (created is not null) await SnapshotCreation.WriteWhenReadyAsync(Context, CmdletPrefix, provider, created, request.Wait, request.Timeout, cancellationToken);
        }, cancellationToken);

    /// <summary>Checks, before any request, both ends of a copy through object storage: capabilities, stores and buckets.</summary>
    private static CopyPlan PlanThroughStorage(CopySnapshotRequestInput request, SnapshotConnection source, SnapshotConnection destination, SnapshotLocator locator,
        System.Collections.Generic.IReadOnlyDictionary<string, string> tags)
    {
        if (request.Bucket is null)
            throw InputValidation.Invalid("Bucket",
                $"a copy from {source.Provider} ('{source.Name}') to {destination.Provider} ('{destination.Name}') goes through object storage: name a bucket of '{source.Name}'s store ({source.StorageEndpoint?.ToString() ?? "none"}) to export into.");
        if (request.SourceRegion is not null)
            throw InputValidation.Invalid("SourceRegion", "a copy through object storage exports from the source connection's own region; connect to the source region instead.");
        var sourceProvider = source.GetClient();
        var destinationProvider = destination.GetClient();
        sourceProvider.Require(ProviderCapabilities.Export);
        destinationProvider.Require(ProviderCapabilities.Import);
        if ((destinationProvider.Capabilities & (ProviderCapabilities.ImportFromBucket | ProviderCapabilities.ImportFromUrl)) == 0)
            destinationProvider.Require(ProviderCapabilities.ImportFromUrl);
        sourceProvider.Validate(new ExportSnapshotRequest(locator, request.Bucket) { Format = DiskImageFormat.Qcow2 });
        source.GetStorage();
        destination.GetStorage();
        var moves = !source.SharesStorageWith(destination);
        if (moves && request.DestinationBucket is null)
            throw InputValidation.Invalid("DestinationBucket",
                $"'{destination.Name}' uses another object store ({destination.StorageEndpoint}) than '{source.Name}' ({source.StorageEndpoint}): name a bucket there to copy the exported object into.");
        var name = request.Name ?? request.Source.InputObject?.Name;
        destinationProvider.Validate(new CreateSnapshotRequest
        {
            ImportUri = (destinationProvider.Capabilities & ProviderCapabilities.ImportFromBucket) != 0 ? null : destination.StorageEndpoint,
            ImportBucket = (destinationProvider.Capabilities & ProviderCapabilities.ImportFromBucket) != 0 ? request.DestinationBucket ?? request.Bucket : null,
            ImportKey = (destinationProvider.Capabilities & ProviderCapabilities.ImportFromBucket) != 0 ? locator.Id + ".qcow2" : null,
            SizeBytes = 512,
            Name = name ?? "copy",
            Description = request.Description,
            Tags = tags,
        });
        return new CopyPlan
        {
            Source = source,
            Destination = destination,
            Locator = locator,
            Snapshot = request.Source.InputObject,
            Describe = request.Source.Describe(source.Name),
            Bucket = request.Bucket,
            DestinationBucket = moves ? request.DestinationBucket : null,
            MovesObject = moves,
            Name = request.Name,
            Description = request.Description,
            Tags = tags,
            Timeout = request.Timeout,
            RemoveIntermediate = request.RemoveIntermediate,
        };
    }
}
