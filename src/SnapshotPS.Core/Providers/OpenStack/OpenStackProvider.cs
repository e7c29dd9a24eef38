using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>
/// Cinder v3 snapshots behind a Keystone v3 login. A connection serves the catalog region it was
/// opened for; -Location names another region of the same catalog.
/// </summary>
public sealed partial class OpenStackProvider : SnapshotProviderBase, IProviderAlternatives
{
    /// <summary>Cinder's osapi_max_limit default (reference B.7).</summary>
    public const int MaxPerPage = 1000;

    private const string CopyAlternative = "Cinder cannot copy a snapshot: create a volume from it (openstack volume create --snapshot) and snapshot that volume.";
    private const string ExportAlternative = "Cinder keeps snapshot data inside the volume service: back it up with openstack volume backup create --snapshot, or create a volume from it and upload that as an image.";
    private const string PermissionsAlternative = "Cinder snapshots belong to their project: share the data by transferring a volume created from the snapshot (openstack volume transfer request create).";
    private const string ImportAlternative = "Cinder makes snapshots from volumes only: upload the image with Glance, create a volume from it, then snapshot the volume.";

    private readonly OpenStackConnectionSettings _settings;
    private readonly string _connection;
    private readonly CinderTransport _transport;
    private readonly CinderApi _cinder;

    public OpenStackProvider(OpenStackConnectionSettings settings, string connectionName, HttpMessageHandler? transport = null)
    {
        settings.Validate();
        _settings = settings;
        _connection = connectionName;
        var wire = OpenStackHttp.WireFor(settings, transport);
        var identity = CloudHttpClientFactory.Create(CloudProvider.OpenStack, IdentityRoot(settings.Endpoint!), new PassThroughHandler(),
            OpenStackHttp.Options(settings), wire is null ? null : new SharedWire(wire));
        _transport = new CinderTransport(settings, new KeystoneSession(settings, identity), wire);
        _cinder = new CinderApi(_transport);
    }

    /// <summary>The Cinder calls one by one (metadata by key among them), for callers beyond the common vocabulary.</summary>
    internal CinderApi Cinder => _cinder;

    internal KeystoneSession Session => _transport.Session;

    public override CloudProvider Provider => CloudProvider.OpenStack;

    public override ProviderCapabilities Capabilities =>
        ProviderCapabilities.Create | ProviderCapabilities.Rename | ProviderCapabilities.Tags | ProviderCapabilities.Delete | ProviderCapabilities.Description;

    public override int MaxPageSize => MaxPerPage;
    public override TimeSpan SuggestedPollInterval => _settings.PollInterval ?? TimeSpan.FromSeconds(2);

    public override void ValidateSnapshotId(string id, string parameterName) => OpenStackIds.RequireUuid(id, parameterName, "snapshot id");

    public override void ValidateLocation(string location, string parameterName) => InputValidation.RequireNotEmpty(location, parameterName);

    public string? AlternativeTo(ProviderCapabilities missing) =>
        (missing & ProviderCapabilities.Export) != 0 ? ExportAlternative
        : (missing & ProviderCapabilities.Permissions) != 0 ? PermissionsAlternative
        : (missing & (ProviderCapabilities.Copy | ProviderCapabilities.CrossRegionCopy)) != 0 ? CopyAlternative
        : (missing & ProviderCapabilities.Import) != 0 ? ImportAlternative
        : null;

    public override Task<CloudSnapshot> CopySnapshotAsync(CopySnapshotRequest request, CancellationToken cancellationToken) =>
        throw Refusal(ProviderCapabilities.Copy);

    public override Task<CloudSnapshot> ChangePermissionsAsync(SnapshotLocator snapshot, PermissionChange change, CancellationToken cancellationToken) =>
        throw Refusal(ProviderCapabilities.Permissions);

    public override Task<SnapshotExportTask> ExportSnapshotAsync(ExportSnapshotRequest request, CancellationToken cancellationToken) =>
        throw Refusal(ProviderCapabilities.Export);

    private ProviderCapabilityException Refusal(ProviderCapabilities missing) => new(Provider, missing, Capabilities, AlternativeTo(missing));

    public override IAsyncEnumerable<CloudSnapshot> ListSnapshotsAsync(SnapshotQuery query, CancellationToken cancellationToken)
    {
        if (query.Location is not null) ValidateLocation(query.Location, "Location");
        if (query.PageSize is int size && (size < 1 || size > MaxPerPage))
            throw InputValidation.Invalid("PageSize", $"Cinder returns 1 to {MaxPerPage} snapshots per page; {size} is out of range.");
        foreach (var id in query.Ids) ValidateSnapshotId(id, "Id");
        if (query.VolumeId is not null) OpenStackIds.RequireUuid(query.VolumeId, "VolumeId", "volume id");
        OpenStackIds.RequireMetadata(query.Tags, "Tag");
        return query.Ids.Count > 0 ? ListByIdAsync(query, cancellationToken) : ListAsync(query, query.PageSize ?? MaxPerPage, cancellationToken);
    }

    private async IAsyncEnumerable<CloudSnapshot> ListAsync(SnapshotQuery query, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (_, region) = await _transport.EndpointAsync(query.Location, cancellationToken).ConfigureAwait(false);
        var filter = new SnapshotFilter(query);
        var wire = new CinderApi.ListFilter
        {
            Name = SnapshotFilter.SingleExactName(query),
            Status = query.States.Count == 1 ? OpenStackMapping.StatusOf(query.States[0]) : null,
            VolumeId = query.VolumeId,
            Metadata = query.Tags.Where(CinderApi.CanFilterOn).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            AllProjects = _settings.AllProjects,
            WithCount = query.Total is not null,
        };
        var options = new ListingOptions(CloudProvider.OpenStack, $"Cinder snapshots in region {Describe(region)}", pageSize)
        {
            MaxConcurrentPages = _settings.ConcurrentPages,
            ItemsWanted = query.ItemsWanted,
            Total = query.Total,
        };
        var pages = CompleteListing.ByMarker((marker, ct) => _cinder.ListPageAsync(region, wire, marker, pageSize, ct), s => s.Id, options, cancellationToken);
        await foreach (var snapshot in pages.ConfigureAwait(false))
        {
            var normalized = OpenStackMapping.FromCinder(snapshot, _connection);
            if (filter.Matches(normalized)) yield return normalized;
        }
    }

    private async IAsyncEnumerable<CloudSnapshot> ListByIdAsync(SnapshotQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new SnapshotFilter(query);
        foreach (var id in query.Ids.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            CloudSnapshot snapshot;
            try
            {
                snapshot = await GetSnapshotAsync(new SnapshotLocator(id, query.Location), cancellationToken).ConfigureAwait(false);
            }
            catch (CloudApiException missing) when (missing.Kind == CloudErrorKind.NotFound)
            {
                continue;
            }
            if (filter.Matches(snapshot)) yield return snapshot;
        }
    }

    public override async Task<CloudSnapshot> GetSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken)
    {
        ValidateSnapshotId(snapshot.Id, "Id");
        var region = await RegionAsync(snapshot.Location, cancellationToken).ConfigureAwait(false);
        return OpenStackMapping.FromCinder(await _cinder.GetAsync(region, snapshot.Id, cancellationToken).ConfigureAwait(false), _connection);
    }

    public override Task DeleteSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken)
    {
        ValidateSnapshotId(snapshot.Id, "Id");
        if (snapshot.Location is not null) ValidateLocation(snapshot.Location, "Location");
        return LostAnswers.DeleteAsync(
            async ct => await _cinder.DeleteAsync(await RegionAsync(snapshot.Location, ct).ConfigureAwait(false), snapshot.Id, ct).ConfigureAwait(false),
            looking => GetSnapshotAsync(snapshot, looking),
            cancellationToken);
    }

    /// <summary>The catalog region a call goes to: the one named, else the connection's, else the catalog's only one.</summary>
    private async Task<string> RegionAsync(string? location, CancellationToken cancellationToken)
    {
        if (location is not null) ValidateLocation(location, "Location");
        return (await _transport.EndpointAsync(location, cancellationToken).ConfigureAwait(false)).Region;
    }

    private static string Describe(string region) => region.Length == 0 ? "(none named)" : region;

    /// <summary>The Keystone v3 root of an auth URL: given with /v3 or without.</summary>
    internal static Uri IdentityRoot(Uri authUrl)
    {
        var text = authUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (text.EndsWith("/v2.0", StringComparison.OrdinalIgnoreCase))
            throw InputValidation.Invalid("Endpoint", $"{authUrl} is a Keystone v2.0 URL; SnapshotPS speaks Keystone v3: give the URL without /v2.0 (or ending in /v3).");
        return new Uri(text.EndsWith("/v3", StringComparison.OrdinalIgnoreCase) ? text + "/" : text + "/v3/");
    }

    public override void Dispose() => _transport.Dispose();

    private sealed class PassThroughHandler : DelegatingHandler
    {
    }

    /// <summary>The wire both services share; the Cinder pipeline owns and disposes it.</summary>
    private sealed class SharedWire : DelegatingHandler
    {
        public SharedWire(HttpMessageHandler wire) : base(wire)
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
