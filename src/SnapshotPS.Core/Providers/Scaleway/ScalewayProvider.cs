using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>
/// Scaleway snapshots through both of its APIs: the Instance API (local volumes) and the Block
/// Storage API (block volumes). Reads look in both, so no snapshot visible in the console is
/// reported missing; a snapshot read earlier goes straight to the API it came from.
/// </summary>
public sealed partial class ScalewayProvider : SnapshotProviderBase
{
    public const int MaxPerPage = 100;

    private readonly ScalewayConnectionSettings _settings;
    private readonly string _connection;
    private readonly ScalewayTransport _transport;
    private readonly ScalewayInstanceApi _instance;
    private readonly ScalewayBlockApi _block;
    private readonly ScalewayExportLedger _exports = new();

    public ScalewayProvider(ScalewayConnectionSettings settings, string connectionName, HttpMessageHandler? transport = null)
    {
        settings.Validate();
        _settings = settings;
        _connection = connectionName;
        _transport = new ScalewayTransport(settings, transport);
        _instance = new ScalewayInstanceApi(_transport);
        _block = new ScalewayBlockApi(_transport);
    }

    public override CloudProvider Provider => CloudProvider.Scaleway;

    public override ProviderCapabilities Capabilities =>
        ProviderCapabilities.Create | ProviderCapabilities.Rename | ProviderCapabilities.Tags | ProviderCapabilities.Delete
        | ProviderCapabilities.Import | ProviderCapabilities.ImportFromBucket | ProviderCapabilities.Export;

    public override int MaxPageSize => MaxPerPage;
    public override TimeSpan SuggestedPollInterval => _settings.PollInterval ?? TimeSpan.FromSeconds(2);

    public override void ValidateSnapshotId(string id, string parameterName) => ScalewayIds.Require(id, parameterName, "snapshot id");

    public override void ValidateLocation(string location, string parameterName) => ScalewayIds.RequireZone(location, parameterName);

    public override IAsyncEnumerable<CloudSnapshot> ListSnapshotsAsync(SnapshotQuery query, CancellationToken cancellationToken)
    {
        var zone = ZoneOf(query.Location);
        if (query.PageSize is int size && (size < 1 || size > MaxPerPage))
            throw InputValidation.Invalid("PageSize", $"Scaleway returns 1 to {MaxPerPage} snapshots per page; {size} is out of range.");
        foreach (var id in query.Ids) ValidateSnapshotId(id, "Id");
        if (query.VolumeId is not null) ScalewayIds.Require(query.VolumeId, "VolumeId", "volume id");
        ScalewayTags.Require(query.Tags, "Tag");
        return ListAsync(zone, query, query.PageSize ?? MaxPerPage, cancellationToken);
    }

    private async IAsyncEnumerable<CloudSnapshot> ListAsync(string zone, SnapshotQuery query, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new SnapshotFilter(query);
        var exactName = SnapshotFilter.SingleExactName(query);
        var wireTags = ScalewayMapping.TagsToWire(query.Tags.Where(t => t.Value.Length > 0).ToDictionary(t => t.Key, t => t.Value));

        var instanceFilter = new ScalewayInstanceApi.ListFilter
        {
            Project = _settings.ProjectId,
            Organization = _settings.ProjectId is null ? _settings.OrganizationId : null,
            Name = exactName,
            Tag = wireTags.FirstOrDefault(),
            BaseVolumeId = query.VolumeId,
        };
        var listings = new List<IAsyncEnumerable<CloudSnapshot>>
        {
            FromInstance(CompleteListing.ByPageNumber((page, ct) => _instance.ListPageAsync(zone, instanceFilter, page, pageSize, ct),
                s => s.Id, Listing($"Instance snapshots in zone {zone}", pageSize, query.ItemsWanted).CountingInto(query.Total), cancellationToken), zone),
        };
        if (ScalewayZones.HasBlockStorage(zone))
        {
            var blockFilter = new ScalewayBlockApi.ListFilter
            {
                ProjectId = _settings.ProjectId,
                OrganizationId = _settings.ProjectId is null ? _settings.OrganizationId : null,
                Name = exactName,
                Tags = wireTags,
                VolumeId = query.VolumeId,
            };
            listings.Add(FromBlock(CompleteListing.ByPageNumber((page, ct) => _block.ListPageAsync(zone, blockFilter, page, pageSize, ct),
                s => s.Id, Listing($"Block Storage snapshots in zone {zone}", pageSize, query.ItemsWanted).CountingInto(query.Total), cancellationToken), zone));
        }

        // Both APIs are read side by side, unless the caller wants only the first few: then the
        // Block Storage API is asked only once the Instance API has run out (but at once when its total is wanted).
        var merged = query.ItemsWanted is null || query.Total is not null
            ? MergedListing.InOrderReadingAhead(listings, cancellationToken)
            : MergedListing.OneAfterAnother(listings, cancellationToken);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var snapshot in merged.ConfigureAwait(false))
        {
            if (!seen.Add(snapshot.Id)) continue; // one snapshot seen through both APIs is listed once
            if (filter.Matches(snapshot)) yield return snapshot;
        }
    }

    private async IAsyncEnumerable<CloudSnapshot> FromInstance(IAsyncEnumerable<ScalewayInstanceSnapshot> listing, string zone, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in listing.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return ScalewayMapping.FromInstance(snapshot, _connection, zone);
    }

    private async IAsyncEnumerable<CloudSnapshot> FromBlock(IAsyncEnumerable<ScalewayBlockSnapshot> listing, string zone, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in listing.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return ScalewayMapping.FromBlock(snapshot, _connection, zone);
    }

    private ListingOptions Listing(string subject, int pageSize, int? itemsWanted) =>
        new(CloudProvider.Scaleway, subject, pageSize) { MaxConcurrentPages = _settings.ConcurrentPages, ItemsWanted = itemsWanted };

    public override Task<CloudSnapshot> GetSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken)
    {
        var zone = ZoneOf(snapshot.Location);
        ValidateSnapshotId(snapshot.Id, "Id");
        return RouteAsync(snapshot, zone, "snapshot",
            async ct => ScalewayMapping.FromInstance(await _instance.GetAsync(zone, snapshot.Id, ct).ConfigureAwait(false), _connection, zone),
            async ct => ScalewayMapping.FromBlock(await _block.GetAsync(zone, snapshot.Id, ct).ConfigureAwait(false), _connection, zone),
            cancellationToken);
    }

    public override void Validate(CreateSnapshotRequest request)
    {
        var zone = ZoneOf(request.Location);
        if (request.ImportUri is not null)
            throw InputValidation.Invalid("ImportUri", "Scaleway imports from a bucket of the project's own Object Storage, not from a URL: give -Bucket and -Key (a QCOW2 object).");
        if (request.ImportBucket is not null || request.ImportKey is not null) ValidateImport(request, zone);
        else
        {
            if (request.SizeBytes is not null) throw InputValidation.Invalid("SizeBytes", "a size goes with an import (-Bucket and -Key) only; a snapshot of a volume takes the volume's size.");
            if (request.SnapshotType is not null) throw InputValidation.Invalid("SnapshotType", "the kind of snapshot is chosen for an import (-Bucket and -Key) only; a snapshot of a volume is of the volume's kind.");
            if (request.VolumeId is null) throw InputValidation.Invalid("VolumeId", "Scaleway creates a snapshot from a volume (give its id) or from a QCOW2 object in a bucket (-Bucket and -Key).");
            ScalewayIds.Require(request.VolumeId, "VolumeId", "volume id");
        }
        InputValidation.RequireNotEmpty(request.Name, "Name");
        ScalewayTags.Require(request.Tags, "Tag");
        InputValidation.RequireClientToken(request.ClientToken);
        if (request.Description is not null) this.Require(ProviderCapabilities.Description, "Put the text in -Name or in a tag instead.");
    }

    public override void Validate(UpdateSnapshotRequest request)
    {
        ZoneOf(request.Snapshot.Location);
        ValidateSnapshotId(request.Snapshot.Id, "Id");
        InputValidation.RequireNotEmpty(request.Name, "Name");
        ScalewayTags.Require(request.Tags, "Tag");
        if (request.Description is not null) this.Require(ProviderCapabilities.Description, "Put the text in -Name or in a tag instead.");
    }

    public override Task DeleteSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken)
    {
        var zone = ZoneOf(snapshot.Location);
        ValidateSnapshotId(snapshot.Id, "Id");
        return LostAnswers.DeleteAsync(deleting => RouteAsync<object?>(snapshot, zone, "snapshot",
            async ct => { await _instance.DeleteAsync(zone, snapshot.Id, ct).ConfigureAwait(false); return null; },
            async ct => { await _block.DeleteAsync(zone, snapshot.Id, ct).ConfigureAwait(false); return null; },
            deleting), looking => GetSnapshotAsync(snapshot, looking), cancellationToken);
    }

    /// <summary>
    /// Calls the Instance API, and the Block Storage API when the Instance API does not know the
    /// resource. A snapshot read from the Block API goes there directly. A 404 proves nothing was
    /// done, so falling back is safe even for a create.
    /// </summary>
    private async Task<T> RouteAsync<T>(
        SnapshotLocator? snapshot, string zone, string resource,
        Func<CancellationToken, Task<T>> instanceCall, Func<CancellationToken, Task<T>> blockCall,
        CancellationToken cancellationToken, string? missingId = null)
    {
        if (snapshot?.ProviderObject is ScalewayBlockSnapshot) return await blockCall(cancellationToken).ConfigureAwait(false);
        if (snapshot?.ProviderObject is ScalewayInstanceSnapshot) return await instanceCall(cancellationToken).ConfigureAwait(false);
        try
        {
            return await instanceCall(cancellationToken).ConfigureAwait(false);
        }
        catch (CloudApiException notInInstance) when (notInInstance.Kind == CloudErrorKind.NotFound)
        {
            if (!ScalewayZones.HasBlockStorage(zone)) throw;
            try
            {
                return await blockCall(cancellationToken).ConfigureAwait(false);
            }
            catch (CloudApiException notInBlock) when (notInBlock.Kind == CloudErrorKind.NotFound)
            {
                throw new CloudApiException(CloudProvider.Scaleway, CloudErrorKind.NotFound,
                    $"Scaleway has no {resource} {missingId ?? snapshot?.Id} in zone {zone} (looked in the Instance and Block Storage APIs).",
                    404, "not_found", notInBlock.RequestId ?? notInInstance.RequestId, innerException: notInBlock);
            }
        }
    }

    private string ZoneOf(string? location)
    {
        var zone = location ?? _settings.Zone;
        ScalewayIds.RequireZone(zone, "Location");
        return zone;
    }

    public override void Dispose() => _transport.Dispose();
}
