using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>
/// CloudMC (Cox Edge) compute-on snapshots: list, read, create and delete in one environment of one
/// service connection. A snapshot's Location is its environment's name; a connection serves its own
/// environment only, so that a location it cannot serve is refused before any request.
/// </summary>
public sealed partial class CloudMCProvider : SnapshotProviderBase
{
    /// <summary>Paging is UNVERIFIED; a server that ignores page_size is read as one page anyway.</summary>
    public const int MaxPerPage = 1000;
    public const int DefaultPerPage = 100;

    private readonly CloudMCConnectionSettings _settings;
    private readonly string _connection;
    private readonly CloudMCTransport _transport;
    private readonly CloudMCApi _api;
    private readonly TimeProvider _time;

    public CloudMCProvider(CloudMCConnectionSettings settings, string connectionName, HttpMessageHandler? transport = null)
        : this(settings, connectionName, transport, TimeProvider.System)
    {
    }

    internal CloudMCProvider(CloudMCConnectionSettings settings, string connectionName, HttpMessageHandler? transport, TimeProvider time)
    {
        settings.Validate();
        _settings = settings;
        _connection = connectionName;
        _transport = new CloudMCTransport(settings, transport);
        _api = new CloudMCApi(_transport, settings.ServiceCode);
        _time = time;
    }

    public override CloudProvider Provider => CloudProvider.CloudMC;

    public override ProviderCapabilities Capabilities => ProviderCapabilities.Create | ProviderCapabilities.Delete;

    public override int MaxPageSize => MaxPerPage;
    public override TimeSpan SuggestedPollInterval => _settings.PollInterval ?? TimeSpan.FromSeconds(2);

    public override void ValidateSnapshotId(string id, string parameterName) => CloudMCIds.RequireUuid(id, parameterName, "snapshot id");

    public override void ValidateLocation(string location, string parameterName)
    {
        CloudMCIds.RequireName(location, parameterName, "environment name");
        if (!string.Equals(location, _settings.EnvironmentName, StringComparison.OrdinalIgnoreCase))
            throw InputValidation.Invalid(parameterName,
                $"connection '{_connection}' serves CloudMC environment {_settings.EnvironmentName}; connect with -Environment {location} to reach that one.");
    }

    private string EnvironmentOf(string? location)
    {
        if (location is not null) ValidateLocation(location, "Location");
        return _settings.EnvironmentName!;
    }

    public override IAsyncEnumerable<CloudSnapshot> ListSnapshotsAsync(SnapshotQuery query, CancellationToken cancellationToken)
    {
        var environment = EnvironmentOf(query.Location);
        if (query.PageSize is int size && (size < 1 || size > MaxPerPage))
            throw InputValidation.Invalid("PageSize", $"CloudMC is asked for 1 to {MaxPerPage} snapshots per page; {size} is out of range.");
        foreach (var id in query.Ids) ValidateSnapshotId(id, "Id");
        if (query.VolumeId is not null) CloudMCIds.RequireUuid(query.VolumeId, "VolumeId", "volume id");
        return query.Ids.Count > 0 ? ListByIdAsync(environment, query, cancellationToken) : ListAsync(environment, query, cancellationToken);
    }

    private async IAsyncEnumerable<CloudSnapshot> ListAsync(string environment, SnapshotQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new SnapshotFilter(query);
        await foreach (var snapshot in Listing(environment, query.VolumeId, query.PageSize ?? DefaultPerPage, query.ItemsWanted, cancellationToken, query.Total).ConfigureAwait(false))
        {
            var normalized = Normalize(snapshot);
            if (filter.Matches(normalized)) yield return normalized;
        }
    }

    /// <summary>Named snapshots are read one by one: CloudMC has no id filter. One that is not there is not listed.</summary>
    private async IAsyncEnumerable<CloudSnapshot> ListByIdAsync(string environment, SnapshotQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new SnapshotFilter(query);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in query.Ids)
        {
            if (!seen.Add(id)) continue;
            CloudMCSnapshot found;
            try
            {
                found = await _api.GetAsync(environment, id, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudApiException missing) when (missing.Kind == CloudErrorKind.NotFound)
            {
                continue;
            }
            var normalized = Normalize(found);
            if (filter.Matches(normalized)) yield return normalized;
        }
    }

    private IAsyncEnumerable<CloudMCSnapshot> Listing(string environment, string? volumeId, int pageSize, int? itemsWanted, CancellationToken cancellationToken, ListingTotal? total = null) =>
        CompleteListing.ByPageNumber((page, ct) => _api.ListPageAsync(environment, volumeId, page, pageSize, ct), s => s.Id,
            new ListingOptions(CloudProvider.CloudMC, $"snapshots in environment {environment} of service {_settings.ServiceCode}", pageSize)
            {
                MaxConcurrentPages = _settings.ConcurrentPages,
                ItemsWanted = itemsWanted,
                Total = total,
            },
            cancellationToken);

    public override async Task<CloudSnapshot> GetSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken)
    {
        var environment = EnvironmentOf(snapshot.Location);
        ValidateSnapshotId(snapshot.Id, "Id");
        return Normalize(await _api.GetAsync(environment, snapshot.Id, cancellationToken).ConfigureAwait(false));
    }

    public override void Validate(UpdateSnapshotRequest request)
    {
        const string instead = "CloudMC names a snapshot once, when it is created: use New-CloudSnapshot -Name.";
        if (request.Description is not null) this.Require(ProviderCapabilities.Description, instead);
        if (request.Tags is not null) this.Require(ProviderCapabilities.Tags, instead);
        this.Require(ProviderCapabilities.Rename, instead);
    }

    public override Task<CloudSnapshot> UpdateSnapshotAsync(UpdateSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        throw new ProviderCapabilityException(Provider, ProviderCapabilities.Rename, Capabilities);
    }

    /// <summary>DELETE, then its task followed to the end; a retry that finds the snapshot gone has succeeded.</summary>
    public override Task DeleteSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken)
    {
        var environment = EnvironmentOf(snapshot.Location);
        ValidateSnapshotId(snapshot.Id, "Id");
        return LostAnswers.DeleteAsync(
            async ct =>
            {
                var task = await _api.DeleteAsync(environment, snapshot.Id, ct).ConfigureAwait(false);
                if (task is not null) await FollowAsync(task, $"deleting snapshot {snapshot.Id}", $"Check with Get-CloudSnapshot -Id {snapshot.Id} -Connection {_connection}.", ct).ConfigureAwait(false);
            },
            looking => GetSnapshotAsync(snapshot, looking), cancellationToken);
    }

    private CloudSnapshot Normalize(CloudMCSnapshot snapshot) =>
        CloudMCMapping.FromSnapshot(snapshot, _connection, snapshot.Environment.Length > 0 ? snapshot.Environment : _settings.EnvironmentName!, _settings.OrganizationId);

    public override void Dispose() => _transport.Dispose();
}
