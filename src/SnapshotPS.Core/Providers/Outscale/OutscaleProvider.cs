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

namespace SnapshotPS.Core.Providers.Outscale;

/// <summary>Outscale's OAPI: snapshots, copies, imports, tags and sharing here; export tasks in the other part.</summary>
public sealed partial class OutscaleProvider : SnapshotProviderBase
{
    public const int MaxResultsPerPage = 1000;
    /// <summary>The largest page Outscale serves: fewer round trips for a big listing.</summary>
    public const int DefaultResultsPerPage = MaxResultsPerPage;
    private const long MaxImportBytes = 14_901L << 30; // the largest Outscale volume, 14,901 GiB (UNVERIFIED for imports)

    private readonly OutscaleConnectionSettings _settings;
    private readonly string _connection;
    private readonly OutscaleTransport _transport;

    public OutscaleProvider(OutscaleConnectionSettings settings, string connectionName, HttpMessageHandler? transport = null)
    {
        settings.Validate();
        _settings = settings;
        _connection = connectionName;
        _transport = new OutscaleTransport(settings, transport);
    }

    public override CloudProvider Provider => CloudProvider.Outscale;

    public override ProviderCapabilities Capabilities =>
        ProviderCapabilities.Create | ProviderCapabilities.Rename | ProviderCapabilities.Tags | ProviderCapabilities.Delete
        | ProviderCapabilities.Copy | ProviderCapabilities.CrossRegionCopy | ProviderCapabilities.Import | ProviderCapabilities.ImportFromUrl | ProviderCapabilities.Export
        | ProviderCapabilities.Permissions | ProviderCapabilities.Description;

    public override int MaxPageSize => MaxResultsPerPage;
    public override TimeSpan SuggestedPollInterval => _settings.PollInterval ?? TimeSpan.FromSeconds(5);
    private string Region => _settings.Region;

    public override void ValidateSnapshotId(string id, string parameterName) => OutscaleIds.RequireSnapshot(id, parameterName);

    public override void ValidateLocation(string location, string parameterName)
    {
        OutscaleIds.RequireRegion(location, parameterName);
        if (location != Region)
            throw InputValidation.Invalid(parameterName, $"connection '{_connection}' serves Outscale region {Region}; connect to {location} to reach it.");
    }

    public override IAsyncEnumerable<CloudSnapshot> ListSnapshotsAsync(SnapshotQuery query, CancellationToken cancellationToken)
    {
        if (query.Location is not null) ValidateLocation(query.Location, "Location");
        if (query.PageSize is int size && (size < 1 || size > MaxResultsPerPage))
            throw InputValidation.Invalid("PageSize", $"Outscale returns 1 to {MaxResultsPerPage} snapshots per page; {size} is out of range.");
        foreach (var id in query.Ids) ValidateSnapshotId(id, "Id");
        if (query.VolumeId is not null) OutscaleIds.RequireVolume(query.VolumeId, "VolumeId");
        return ListAsync(query, cancellationToken);
    }

    private async IAsyncEnumerable<CloudSnapshot> ListAsync(SnapshotQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new SnapshotFilter(query);
        var exactName = SnapshotFilter.SingleExactName(query);
        var valued = query.Tags.Where(t => t.Value.Length > 0).Select(t => t.Key + "=" + t.Value);
        if (exactName is not null) valued = valued.Append(OutscaleMapping.NameTag + "=" + exactName);
        var pageSize = query.PageSize ?? DefaultResultsPerPage;
        var filters = new SnapshotFilters
        {
            SnapshotIds = NullIfEmpty(query.Ids),
            VolumeIds = query.VolumeId is null ? null : new List<string> { query.VolumeId },
            Tags = NullIfEmpty(valued.ToList()),
            TagKeys = NullIfEmpty(query.Tags.Where(t => t.Value.Length == 0).Select(t => t.Key).ToList()),
        };
        if (query.Ids.Count == 0) await LimitToOwnerAsync(filters, query.Owner, cancellationToken).ConfigureAwait(false);
        var snapshots = CompleteListing.ByToken(
            async (token, ct) =>
            {
                var page = await _transport.CallAsync("ReadSnapshots", new ReadSnapshotsRequest { ResultsPerPage = pageSize, Filters = filters, NextPageToken = token },
                    OutscaleJsonContext.Default.ReadSnapshotsRequest, OutscaleJsonContext.Default.ReadSnapshotsResponse, idempotent: true, ct).ConfigureAwait(false);
                return new ListingPage<OutscaleSnapshot>(page.Snapshots!, nextCursor: page.NextPageToken);
            },
            s => s.SnapshotId, Listing($"snapshots in region {Region}", pageSize, query.ItemsWanted).CountingInto(query.Total), cancellationToken);
        await foreach (var snapshot in snapshots.ConfigureAwait(false))
        {
            var normalized = OutscaleMapping.FromSnapshot(snapshot, _connection, Region);
            if (filter.Matches(normalized)) yield return normalized;
        }
    }

    private ListingOptions Listing(string subject, int pageSize, int? itemsWanted = null) =>
        new(CloudProvider.Outscale, subject, pageSize) { MaxConcurrentPages = _settings.ConcurrentPages, ItemsWanted = itemsWanted };

    public override async Task<CloudSnapshot> GetSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken)
    {
        ValidateSnapshotId(snapshot.Id, "Id");
        if (snapshot.Location is not null) ValidateLocation(snapshot.Location, "Location");
        var page = await _transport.CallAsync("ReadSnapshots",
            new ReadSnapshotsRequest { Filters = new SnapshotFilters { SnapshotIds = new List<string> { snapshot.Id } } },
            OutscaleJsonContext.Default.ReadSnapshotsRequest, OutscaleJsonContext.Default.ReadSnapshotsResponse, idempotent: true, cancellationToken).ConfigureAwait(false);
        var found = page.Snapshots?.FirstOrDefault(s => string.Equals(s.SnapshotId, snapshot.Id, StringComparison.OrdinalIgnoreCase));
        return found is null
            ? throw new CloudApiException(CloudProvider.Outscale, CloudErrorKind.NotFound,
                $"Outscale has no snapshot {snapshot.Id} visible to this account in region {Region}.", 400, "5054", page.ResponseContext?.RequestId)
            : OutscaleMapping.FromSnapshot(found, _connection, Region);
    }

    public override void Validate(CreateSnapshotRequest request)
    {
        if (request.Location is not null) ValidateLocation(request.Location, "Location");
        InputValidation.RequireNotEmpty(request.Name, "Name");
        OutscaleIds.RequireTags(request.Tags, request.Name);
        InputValidation.RequireClientToken(request.ClientToken);
        if (request.ImportBucket is not null || request.ImportKey is not null)
            throw InputValidation.Invalid("Bucket", "OUTSCALE imports a disk image from a URL it can read: give -ImportUri (a pre-signed URL) and -SizeBytes.");
        if (request.ImportUri is null)
        {
            if (request.SizeBytes is not null) throw InputValidation.Invalid("SizeBytes", "a size goes with -ImportUri only; a snapshot of a volume takes the volume's size.");
            if (request.VolumeId is null) throw InputValidation.Invalid("VolumeId", "give the volume to snapshot, or -ImportUri and -SizeBytes to import a disk image.");
            OutscaleIds.RequireVolume(request.VolumeId, "VolumeId");
            return;
        }
        if (request.VolumeId is not null) throw InputValidation.Invalid("ImportUri", "a snapshot comes from a volume (-VolumeId) or from an import (-ImportUri), not both.");
        if (!request.ImportUri.IsAbsoluteUri || request.ImportUri.Scheme is not ("https" or "http"))
            throw InputValidation.Invalid("ImportUri", "give the pre-signed http(s) URL of the disk image in object storage.");
        if (request.SizeBytes is not long size) throw InputValidation.Invalid("SizeBytes", "an import needs the size of the disk, in bytes, at least that of the original volume.");
        if (size <= 0 || size > MaxImportBytes) throw InputValidation.Invalid("SizeBytes", $"the size must be between 1 byte and {MaxImportBytes} bytes (14,901 GiB); {size} is not allowed.");
    }

    public override void Validate(CopySnapshotRequest request)
    {
        ValidateSnapshotId(request.Source.Id, "Id");
        InputValidation.RequireNotEmpty(request.Name, "Name");
        OutscaleIds.RequireTags(request.Tags, request.Name);
        InputValidation.RequireClientToken(request.ClientToken);
        OutscaleIds.RequireRegion(request.SourceRegion ?? request.Source.Location ?? Region, "SourceRegion");
    }

    public override void Validate(UpdateSnapshotRequest request)
    {
        ValidateSnapshotId(request.Snapshot.Id, "Id");
        InputValidation.RequireNotEmpty(request.Name, "Name");
        OutscaleIds.RequireTags(request.Tags, request.Name);
        if (request.Description is not null)
            throw InputValidation.Invalid("Description", "Outscale sets a snapshot's description only when it is created.");
    }

    public override void Validate(SnapshotLocator snapshot, PermissionChange change)
    {
        ValidateSnapshotId(snapshot.Id, "Id");
        foreach (var account in change.AccountIds) OutscaleIds.RequireAccount(account, "AccountId");
        if (change.AccountIds.Count == 0 && !change.Public) throw InputValidation.Invalid("AccountId", "name at least one account id, or -Public.");
    }

    public override Task<CloudSnapshot> CreateSnapshotAsync(CreateSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var body = request.ImportUri is null
            ? new CreateSnapshotRequestBody { Description = request.Description, VolumeId = request.VolumeId }
            : new CreateSnapshotRequestBody { Description = request.Description, FileLocation = request.ImportUri.AbsoluteUri, SnapshotSize = request.SizeBytes };
        body.ClientToken = request.ClientToken ?? NewClientToken();
        return CreateAndTagAsync(body, request.Name, request.Tags, cancellationToken);
    }

    public override Task<CloudSnapshot> CopySnapshotAsync(CopySnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var sourceRegion = request.SourceRegion ?? request.Source.Location ?? Region;
        var body = new CreateSnapshotRequestBody
        {
            SourceSnapshotId = request.Source.Id,
            SourceRegionName = sourceRegion,
            Description = request.Description,
            ClientToken = request.ClientToken ?? NewClientToken(),
        };
        return CreateAndTagAsync(body, request.Name, request.Tags, cancellationToken);
    }

    /// <summary>
    /// CreateSnapshot with a client token, so that a retry after a lost answer returns the same
    /// snapshot; then CreateTags for the name and tags. A tagging failure keeps the snapshot in view.
    /// </summary>
    private async Task<CloudSnapshot> CreateAndTagAsync(CreateSnapshotRequestBody body, string? name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var snapshot = await LostAnswers.CreateAsync(CloudProvider.Outscale,
            async ct =>
            {
                var created = await _transport.CallAsync("CreateSnapshot", body, OutscaleJsonContext.Default.CreateSnapshotRequestBody,
                    OutscaleJsonContext.Default.SnapshotResponse, idempotent: true, ct).ConfigureAwait(false);
                return created.Snapshot ?? throw new CloudApiException(CloudProvider.Outscale, CloudErrorKind.InvalidResponse,
                    "Outscale answered CreateSnapshot without a snapshot.", mayHaveSucceeded: true);
            },
            ct => FindByClientTokenAsync(body.ClientToken!, ct),
            found => OutscaleMapping.FromSnapshot(found, _connection, Region),
            $"Find it with Get-CloudSnapshot{(body.VolumeId is null ? "" : " -VolumeId " + body.VolumeId)} -Connection {_connection}, or run the command again with -ClientToken {body.ClientToken}: Outscale then returns that snapshot instead of making another.",
            cancellationToken).ConfigureAwait(false);
        var wanted = tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (name is not null) wanted[OutscaleMapping.NameTag] = name;
        if (wanted.Count == 0) return OutscaleMapping.FromSnapshot(snapshot, _connection, Region);

        try
        {
            await TagAsync("CreateTags", snapshot.SnapshotId, wanted, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudApiException untagged)
        {
            throw new PartialSuccessException(OutscaleMapping.FromSnapshot(snapshot, _connection, Region),
                $"Snapshot {snapshot.SnapshotId} was created, but its name and tags could not be set: {untagged.Message}", untagged);
        }
        catch (OperationCanceledException stopped) when (cancellationToken.IsCancellationRequested)
        {
            throw new SnapshotCreateInterruptedException(OutscaleMapping.FromSnapshot(snapshot, _connection, Region),
                $"The create was stopped while snapshot {snapshot.SnapshotId} was being named and tagged; the snapshot exists.", stopped, cancellationToken);
        }
        snapshot.Tags = OutscaleMapping.TagsToWire(wanted);
        return OutscaleMapping.FromSnapshot(snapshot, _connection, Region);
    }

    private async Task<OutscaleSnapshot?> FindByClientTokenAsync(string clientToken, CancellationToken cancellationToken)
    {
        var page = await _transport.CallAsync("ReadSnapshots",
            new ReadSnapshotsRequest { Filters = new SnapshotFilters { ClientTokens = new List<string> { clientToken } } },
            OutscaleJsonContext.Default.ReadSnapshotsRequest, OutscaleJsonContext.Default.ReadSnapshotsResponse, idempotent: true, cancellationToken).ConfigureAwait(false);
        return page.Snapshots?.FirstOrDefault(s => s.ClientToken == clientToken);
    }

    private static string NewClientToken() => "snapshotps-" + Guid.NewGuid().ToString("N");

    public override async Task<CloudSnapshot> UpdateSnapshotAsync(UpdateSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var current = await GetSnapshotAsync(request.Snapshot, cancellationToken).ConfigureAwait(false);
        var wanted = (request.Tags ?? current.Tags).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (request.Tags is not null && !wanted.ContainsKey(OutscaleMapping.NameTag) && current.Tags.TryGetValue(OutscaleMapping.NameTag, out var keptName))
            wanted[OutscaleMapping.NameTag] = keptName;
        if (request.Name is not null) wanted[OutscaleMapping.NameTag] = request.Name;

        var removed = current.Tags.Where(t => !wanted.ContainsKey(t.Key)).ToList();
        var changed = wanted.Where(t => !current.Tags.TryGetValue(t.Key, out var value) || value != t.Value).ToList();
        if (removed.Count > 0) await TagAsync("DeleteTags", current.Id, removed, cancellationToken).ConfigureAwait(false);
        if (changed.Count > 0) await TagAsync("CreateTags", current.Id, changed, cancellationToken).ConfigureAwait(false);
        return await GetSnapshotAsync(request.Snapshot, cancellationToken).ConfigureAwait(false);
    }

    public override Task DeleteSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken)
    {
        ValidateSnapshotId(snapshot.Id, "Id");
        if (snapshot.Location is not null) ValidateLocation(snapshot.Location, "Location");
        return LostAnswers.DeleteAsync(ct => _transport.CallAsync("DeleteSnapshot", new SnapshotIdBody { SnapshotId = snapshot.Id },
            OutscaleJsonContext.Default.SnapshotIdBody, OutscaleJsonContext.Default.EmptyResponse, idempotent: true, ct), looking => GetSnapshotAsync(snapshot, looking), cancellationToken);
    }

    public override async Task<CloudSnapshot> ChangePermissionsAsync(SnapshotLocator snapshot, PermissionChange change, CancellationToken cancellationToken)
    {
        Validate(snapshot, change);
        var permissions = new OutscalePermissions
        {
            AccountIds = change.AccountIds.Count == 0 ? null : change.AccountIds.ToList(),
            GlobalPermission = change.Public ? true : null,
        };
        var body = new UpdateSnapshotBody
        {
            SnapshotId = snapshot.Id,
            PermissionsToCreateVolume = change.Grant ? new PermissionsChangeBody { Additions = permissions } : new PermissionsChangeBody { Removals = permissions },
        };
        var updated = await _transport.CallAsync("UpdateSnapshot", body, OutscaleJsonContext.Default.UpdateSnapshotBody,
            OutscaleJsonContext.Default.SnapshotResponse, idempotent: true, cancellationToken).ConfigureAwait(false);
        return updated.Snapshot is { } s ? OutscaleMapping.FromSnapshot(s, _connection, Region) : await GetSnapshotAsync(snapshot, cancellationToken).ConfigureAwait(false);
    }

    private Task TagAsync(string operation, string resourceId, IEnumerable<KeyValuePair<string, string>> tags, CancellationToken cancellationToken) =>
        _transport.CallAsync(operation, new TagsBody { ResourceIds = new List<string> { resourceId }, Tags = OutscaleMapping.TagsToWire(tags) },
            OutscaleJsonContext.Default.TagsBody, OutscaleJsonContext.Default.EmptyResponse, idempotent: true, cancellationToken);

    private static List<string>? NullIfEmpty(IReadOnlyList<string> values) => values.Count == 0 ? null : values.ToList();

    public override void Dispose() => _transport.Dispose();
}
