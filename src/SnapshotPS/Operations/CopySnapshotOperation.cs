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
}

/// <summary>Copy-CloudSnapshot: a copy in the destination connection's region, from the same or another region.</summary>
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
}
