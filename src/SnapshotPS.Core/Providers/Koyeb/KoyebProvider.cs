using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Koyeb;

/// <summary>
/// Koyeb volume snapshots (/v1/snapshots): create from a volume, read, list, rename and delete. Koyeb
/// snapshots have no tags, no description and no sharing, and cannot be copied, exported or imported.
/// </summary>
public sealed partial class KoyebProvider : SnapshotProviderBase
{
    /// <summary>"a positive integer lower or equal to 100" (reference §3.3).</summary>
    public const int MaxPerPage = 100;

    private const string OnlyAName = "Koyeb snapshots carry only a name: put the text in -Name.";

    private readonly KoyebConnectionSettings _settings;
    private readonly string _connection;
    private readonly KoyebTransport _transport;
    private readonly KoyebSnapshotsApi _api;

    public KoyebProvider(KoyebConnectionSettings settings, string connectionName, HttpMessageHandler? transport = null)
    {
        settings.Validate();
        _settings = settings;
        _connection = connectionName;
        _transport = new KoyebTransport(settings, transport);
        _api = new KoyebSnapshotsApi(_transport);
    }

    public override CloudProvider Provider => CloudProvider.Koyeb;

    public override ProviderCapabilities Capabilities => ProviderCapabilities.Create | ProviderCapabilities.Rename | ProviderCapabilities.Delete;

    public override int MaxPageSize => MaxPerPage;
    public override TimeSpan SuggestedPollInterval => _settings.PollInterval ?? TimeSpan.FromSeconds(3);

    public override void ValidateSnapshotId(string id, string parameterName) => KoyebIds.RequireSnapshotReference(id, parameterName);

    public override void ValidateLocation(string location, string parameterName) => KoyebIds.RequireRegion(location, parameterName);

    public override IAsyncEnumerable<CloudSnapshot> ListSnapshotsAsync(SnapshotQuery query, CancellationToken cancellationToken)
    {
        if (query.Location is not null) ValidateLocation(query.Location, "Location");
        if (query.PageSize is int size && (size < 1 || size > MaxPerPage))
            throw InputValidation.Invalid("PageSize", $"Koyeb returns 1 to {MaxPerPage} snapshots per page; {size} is out of range.");
        foreach (var id in query.Ids) ValidateSnapshotId(id, "Id");
        if (query.VolumeId is not null) KoyebIds.RequireUuid(query.VolumeId, "VolumeId", "volume id");
        if (query.Tags.Count > 0) this.Require(ProviderCapabilities.Tags, "Filter by -Name, -VolumeId or -State instead.");
        return ListAsync(query, cancellationToken);
    }

    private async IAsyncEnumerable<CloudSnapshot> ListAsync(SnapshotQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statuses = KoyebMapping.StatusesFor(query.States);
        if (statuses is { Count: 0 }) yield break; // no Koyeb status maps to the states asked for
        var filter = new SnapshotFilter(query);
        await foreach (var snapshot in ReadAllAsync(query.Location ?? _settings.Region, statuses, query.PageSize ?? MaxPerPage, query.ItemsWanted, cancellationToken, query.Total)
            .ConfigureAwait(false))
        {
            if (filter.Matches(snapshot)) yield return snapshot;
        }
    }

    private async IAsyncEnumerable<CloudSnapshot> ReadAllAsync(string? region, IReadOnlyList<string>? statuses, int pageSize, int? itemsWanted,
        [EnumeratorCancellation] CancellationToken cancellationToken, ListingTotal? total = null)
    {
        var filter = new KoyebSnapshotsApi.ListFilter { OrganizationId = _settings.OrganizationId, Region = region, Statuses = statuses };
        var options = new ListingOptions(CloudProvider.Koyeb, region is null ? "snapshots" : $"snapshots in region {region}", pageSize)
        {
            MaxConcurrentPages = _settings.ConcurrentPages,
            ItemsWanted = itemsWanted,
            Total = total, // Koyeb's ListSnapshotsReply has no count (reference §4): reported as unknown
        };
        var pages = CompleteListing.ByOffset((offset, ct) => _api.ListPageAsync(filter, offset, pageSize, ct), s => s.Id, options, cancellationToken);
        await foreach (var snapshot in pages.ConfigureAwait(false)) yield return KoyebMapping.ToSnapshot(snapshot, _connection);
    }

    public override async Task<CloudSnapshot> GetSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken)
    {
        ValidateSnapshotId(snapshot.Id, "Id");
        var id = await ResolveIdAsync(snapshot, cancellationToken).ConfigureAwait(false);
        return KoyebMapping.ToSnapshot(await _api.GetAsync(id, cancellationToken).ConfigureAwait(false), _connection);
    }

    public override void Validate(UpdateSnapshotRequest request)
    {
        ValidateSnapshotId(request.Snapshot.Id, "Id");
        KoyebIds.RequireName(request.Name, "Name");
        if (request.Tags is not null) this.Require(ProviderCapabilities.Tags, OnlyAName);
        if (request.Description is not null) this.Require(ProviderCapabilities.Description, OnlyAName);
    }

    public override async Task<CloudSnapshot> UpdateSnapshotAsync(UpdateSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var id = await ResolveIdAsync(request.Snapshot, cancellationToken).ConfigureAwait(false);
        var updated = request.Name is null
            ? await _api.GetAsync(id, cancellationToken).ConfigureAwait(false)
            : await _api.UpdateAsync(id, new KoyebUpdateSnapshotBody { Name = request.Name }, cancellationToken).ConfigureAwait(false);
        return KoyebMapping.ToSnapshot(updated, _connection);
    }

    /// <summary>
    /// Deletion is asynchronous: the reply shows DELETING. A delete refused because the snapshot is
    /// already on its way out (a retry after a lost answer, or a second Remove) has what it asked for.
    /// </summary>
    public override async Task DeleteSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken)
    {
        ValidateSnapshotId(snapshot.Id, "Id");
        var id = await ResolveIdAsync(snapshot, cancellationToken).ConfigureAwait(false);
        try
        {
            await LostAnswers.DeleteAsync(ct => _api.DeleteAsync(id, ct), ct => ReadUnlessGoingAsync(id, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (CloudApiException refused) when (refused.Kind is CloudErrorKind.InvalidArgument or CloudErrorKind.Conflict)
        {
            if (!await IsGoingAsync(id, cancellationToken).ConfigureAwait(false)) throw;
            // Already DELETING or DELETED.
        }
    }

    private async Task ReadUnlessGoingAsync(string id, CancellationToken cancellationToken)
    {
        var seen = await _api.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (KoyebMapping.StateOf(seen.Status, seen.Type) is SnapshotState.Deleting or SnapshotState.Deleted)
            throw new CloudApiException(CloudProvider.Koyeb, CloudErrorKind.NotFound, $"Koyeb snapshot {id} is {seen.Status}.");
    }

    private async Task<bool> IsGoingAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await ReadUnlessGoingAsync(id, cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (CloudApiException gone) when (gone.Kind == CloudErrorKind.NotFound)
        {
            return true;
        }
        catch (CloudApiException)
        {
            return false;
        }
    }

    public override void Dispose() => _transport.Dispose();
}
