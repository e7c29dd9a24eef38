using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>
/// Creates, exactly once: Cinder takes no client token, so each create carries a marker in its
/// metadata (hidden from Tags) that finds the snapshot after a lost answer, or an earlier run's
/// snapshot when -ClientToken repeats. Updates rename with PUT and change tags key by key.
/// </summary>
public sealed partial class OpenStackProvider
{
    public override void Validate(CreateSnapshotRequest request)
    {
        if (request.Location is not null) ValidateLocation(request.Location, "Location");
        if (request.ImportUri is not null || request.SizeBytes is not null) this.Require(ProviderCapabilities.Import);
        if (request.VolumeId is null) throw InputValidation.Invalid("VolumeId", "Cinder creates a snapshot from a volume: give its id.");
        OpenStackIds.RequireUuid(request.VolumeId, "VolumeId", "volume id");
        OpenStackIds.RequireText(request.Name, "Name");
        OpenStackIds.RequireText(request.Description, "Description");
        OpenStackIds.RequireMetadata(request.Tags, "Tag");
        InputValidation.RequireClientToken(request.ClientToken);
    }

    public override void Validate(UpdateSnapshotRequest request)
    {
        if (request.Snapshot.Location is not null) ValidateLocation(request.Snapshot.Location, "Location");
        ValidateSnapshotId(request.Snapshot.Id, "Id");
        OpenStackIds.RequireText(request.Name, "Name");
        OpenStackIds.RequireText(request.Description, "Description");
        OpenStackIds.RequireMetadata(request.Tags, "Tag");
    }

    public override async Task<CloudSnapshot> CreateSnapshotAsync(CreateSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var region = await RegionAsync(request.Location, cancellationToken).ConfigureAwait(false);
        var volumeId = request.VolumeId!;
        var marker = request.ClientToken ?? Guid.NewGuid().ToString("N");
        if (request.ClientToken is not null && await FindMarkedAsync(region, volumeId, marker, cancellationToken).ConfigureAwait(false) is { } earlier)
            return OpenStackMapping.FromCinder(earlier, _connection);

        var metadata = request.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        metadata[OpenStackMapping.ClientTokenKey] = marker;
        var snapshot = new CinderCreateSnapshot
        {
            VolumeId = volumeId,
            // Snapshots of attached (in-use) volumes too, as on the other clouds; from microversion 3.66 Cinder ignores it.
            Force = true,
            Name = request.Name,
            Description = request.Description,
            Metadata = metadata,
        };
        var howToFind = $"Find it with Get-CloudSnapshot -VolumeId {volumeId} -Connection {_connection}" +
            (request.ClientToken is null ? "." : $", or run the command again with -ClientToken {request.ClientToken}: it then returns that snapshot instead of making another.");
        var created = await LostAnswers.CreateAsync(CloudProvider.OpenStack,
            attempt => _cinder.CreateAsync(region, snapshot, attempt),
            lookup => FindMarkedAsync(region, volumeId, marker, lookup),
            found => OpenStackMapping.FromCinder(found, _connection), howToFind, cancellationToken).ConfigureAwait(false);
        return OpenStackMapping.FromCinder(created, _connection);
    }

    private async Task<CinderSnapshot?> FindMarkedAsync(string region, string volumeId, string marker, CancellationToken cancellationToken)
    {
        var filter = new CinderApi.ListFilter
        {
            VolumeId = volumeId,
            Metadata = new Dictionary<string, string> { [OpenStackMapping.ClientTokenKey] = marker },
            AllProjects = _settings.AllProjects,
        };
        var options = new ListingOptions(CloudProvider.OpenStack, $"Cinder snapshots of volume {volumeId}", MaxPerPage) { MaxConcurrentPages = 1 };
        var pages = CompleteListing.ByMarker((after, ct) => _cinder.ListPageAsync(region, filter, after, MaxPerPage, ct), s => s.Id, options, cancellationToken);
        await foreach (var snapshot in pages.ConfigureAwait(false))
        {
            if (snapshot.Metadata is { } metadata && metadata.TryGetValue(OpenStackMapping.ClientTokenKey, out var found) && found == marker) return snapshot;
        }
        return null;
    }

    public override async Task<CloudSnapshot> UpdateSnapshotAsync(UpdateSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var region = await RegionAsync(request.Snapshot.Location, cancellationToken).ConfigureAwait(false);
        var id = request.Snapshot.Id;
        if (request.Name is not null || request.Description is not null)
            await _cinder.UpdateAsync(region, id, new CinderUpdateSnapshot { Name = request.Name, Description = request.Description }, cancellationToken).ConfigureAwait(false);
        if (request.Tags is not null)
        {
            var current = await _cinder.GetMetadataAsync(region, id, cancellationToken).ConfigureAwait(false);
            var changed = request.Tags.Where(t => !current.TryGetValue(t.Key, out var value) || value != t.Value).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
            if (changed.Count > 0) await _cinder.MergeMetadataAsync(region, id, changed, cancellationToken).ConfigureAwait(false);
            foreach (var removed in current.Keys.Where(k => k != OpenStackMapping.ClientTokenKey && !request.Tags.ContainsKey(k)).ToList())
                await DeleteKeyAsync(region, id, removed, cancellationToken).ConfigureAwait(false);
        }
        return OpenStackMapping.FromCinder(await _cinder.GetAsync(region, id, cancellationToken).ConfigureAwait(false), _connection);
    }

    private async Task DeleteKeyAsync(string region, string id, string key, CancellationToken cancellationToken)
    {
        try
        {
            await _cinder.DeleteMetadataKeyAsync(region, id, key, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudApiException gone) when (gone.Kind == CloudErrorKind.NotFound)
        {
            // Cinder says the same for a key already gone (an earlier attempt whose answer was lost)
            // and for a snapshot gone: only the first is what was asked.
            if ((await _cinder.GetMetadataAsync(region, id, cancellationToken).ConfigureAwait(false)).ContainsKey(key)) throw;
        }
    }
}
