using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>
/// Creates, exactly once. Scaleway takes no client token, so each create carries a marker tag
/// (hidden from the snapshot's tags): after a lost answer the marker finds the snapshot, and a
/// create given -ClientToken returns the snapshot an earlier run made with the same token.
/// </summary>
public sealed partial class ScalewayProvider
{
    public override async Task<CloudSnapshot> CreateSnapshotAsync(CreateSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var zone = ZoneOf(request.Location);
        var volumeId = request.VolumeId;
        var marker = ScalewayTags.RequestMarker(request.ClientToken ?? Guid.NewGuid().ToString("N"));
        if (request.ClientToken is not null && await FindMarkedAsync(zone, volumeId, marker, cancellationToken).ConfigureAwait(false) is { } earlier)
            return earlier;

        var name = request.Name ?? "snp-" + Guid.NewGuid().ToString("N").Substring(0, 12);
        var tags = ScalewayMapping.TagsToWire(request.Tags);
        tags.Add(marker);
        if (volumeId is null) return await ImportAsync(request, zone, name, tags, marker, cancellationToken).ConfigureAwait(false);
        var howToFind = $"Find it with Get-CloudSnapshot -VolumeId {volumeId} -Connection {_connection}" +
            (request.ClientToken is null ? "." : $", or run the command again with -ClientToken {request.ClientToken}: it then returns that snapshot instead of making another.");
        return await RouteAsync(null, zone, "volume",
            ct => LostAnswers.CreateAsync(CloudProvider.Scaleway,
                async attempt => ScalewayMapping.FromInstance(await _instance.CreateAsync(zone, new InstanceCreateSnapshotBody
                {
                    Name = name,
                    VolumeId = volumeId,
                    Tags = tags,
                    Project = _settings.ProjectId,
                    Organization = _settings.ProjectId is null ? _settings.OrganizationId : null,
                }, attempt).ConfigureAwait(false), _connection, zone),
                lookup => FindMarkedInInstanceAsync(zone, volumeId, marker, lookup),
                found => found, howToFind, ct),
            ct => LostAnswers.CreateAsync(CloudProvider.Scaleway,
                async attempt => ScalewayMapping.FromBlock(await _block.CreateAsync(zone, new BlockCreateSnapshotBody
                {
                    VolumeId = volumeId,
                    Name = name,
                    ProjectId = _settings.ProjectId ?? _settings.OrganizationId,
                    Tags = tags,
                }, attempt).ConfigureAwait(false), _connection, zone),
                lookup => FindMarkedInBlockAsync(zone, volumeId, marker, lookup),
                found => found, howToFind, ct),
            cancellationToken,
            missingId: volumeId).ConfigureAwait(false);
    }

    private async Task<CloudSnapshot?> FindMarkedAsync(string zone, string? volumeId, string marker, CancellationToken cancellationToken) =>
        await FindMarkedInInstanceAsync(zone, volumeId, marker, cancellationToken).ConfigureAwait(false)
        ?? (ScalewayZones.HasBlockStorage(zone) ? await FindMarkedInBlockAsync(zone, volumeId, marker, cancellationToken).ConfigureAwait(false) : null);

    private async Task<CloudSnapshot?> FindMarkedInInstanceAsync(string zone, string? volumeId, string marker, CancellationToken cancellationToken)
    {
        var filter = new ScalewayInstanceApi.ListFilter
        {
            Project = _settings.ProjectId,
            Organization = _settings.ProjectId is null ? _settings.OrganizationId : null,
            Tag = marker,
            BaseVolumeId = volumeId,
        };
        var page = await _instance.ListPageAsync(zone, filter, 1, MaxPerPage, cancellationToken).ConfigureAwait(false);
        var found = page.Items.FirstOrDefault(s => s.Tags?.Contains(marker) == true);
        return found is null ? null : ScalewayMapping.FromInstance(found, _connection, zone);
    }

    private async Task<CloudSnapshot?> FindMarkedInBlockAsync(string zone, string? volumeId, string marker, CancellationToken cancellationToken)
    {
        var filter = new ScalewayBlockApi.ListFilter
        {
            ProjectId = _settings.ProjectId,
            OrganizationId = _settings.ProjectId is null ? _settings.OrganizationId : null,
            Tags = new[] { marker },
            VolumeId = volumeId,
        };
        var page = await _block.ListPageAsync(zone, filter, 1, MaxPerPage, cancellationToken).ConfigureAwait(false);
        var found = page.Items.FirstOrDefault(s => s.Tags?.Contains(marker) == true);
        return found is null ? null : ScalewayMapping.FromBlock(found, _connection, zone);
    }
}
