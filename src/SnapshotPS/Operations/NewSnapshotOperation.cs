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
    public string VolumeId { get; init; } = "";
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IDictionary? Tags { get; init; }
    public string? Location { get; init; }
    public bool Wait { get; init; }
    public TimeSpan? Timeout { get; init; }
}

/// <summary>New-CloudSnapshot: one snapshot per volume; with -Wait, written once it is Available.</summary>
public sealed class NewSnapshotOperation : SnapshotOperation
{
    public NewSnapshotOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "NewCloudSnapshot")
    {
    }

    public Task ProcessAsync(NewSnapshotRequest request, CancellationToken cancellationToken) =>
        ForItemAsync(request.VolumeId, async () =>
        {
            var connection = Connections.Resolve(request.Connection);
            var provider = connection.GetClient();
            provider.Require(ProviderCapabilities.Create);
            if (request.Location is not null) provider.ValidateLocation(request.Location, "Location");
            var create = new CreateSnapshotRequest
            {
                VolumeId = request.VolumeId,
                Name = request.Name,
                Description = request.Description,
                Tags = TagConversion.OrEmpty(request.Tags, "Tag"),
                Location = request.Location,
            };
            if (!Context.ShouldProcess($"volume {request.VolumeId} ({connection.Name})", $"Create snapshot '{request.Name ?? "(generated name)"}'"))
                return;

            var created = await provider.CreateSnapshotAsync(create, cancellationToken);
            Context.WriteVerbose($"Created snapshot {created.Id} ({created.ProviderState}).");
            if (!request.Wait || created.State == SnapshotState.Available)
            {
                Context.WriteObject(created);
                return;
            }

            try
            {
                var ready = await SnapshotWaits.WaitAsync(Context, provider, SnapshotLocator.From(created), new[] { SnapshotState.Available },
                    request.Timeout, null, $"Creating snapshot {created.Name} ({created.Id})", cancellationToken);
                Context.WriteObject(ready!);
            }
            catch (Exception waitFailed) when (waitFailed is not OperationCanceledException)
            {
                // The snapshot exists even though the wait failed: say so, and hand it on.
                Context.WriteError(OperationErrors.From(waitFailed, CmdletPrefix, created));
                Context.WriteObject(created);
            }
        }, cancellationToken);
}
