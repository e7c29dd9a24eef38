using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine.Listing;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>Cinder v3's snapshot operations (reference B.2), one method each, paths relative to the region's endpoint.</summary>
internal sealed class CinderApi
{
    /// <summary>The metadata filter needs 3.22 (reference B.1); nothing else here needs more than 3.0.</summary>
    public const string MetadataFilterVersion = "3.22";

    private readonly CinderTransport _transport;

    public CinderApi(CinderTransport transport) => _transport = transport;

    public sealed class ListFilter
    {
        public string? Name { get; init; }
        public string? Status { get; init; }
        public string? VolumeId { get; init; }
        public IReadOnlyDictionary<string, string>? Metadata { get; init; }
        public bool AllProjects { get; init; }

        /// <summary>Asks for the total before paging (with_count, microversion 3.45), for -IncludeTotalCount only.</summary>
        public bool WithCount { get; init; }
    }

    public const string CountVersion = "3.45";

    /// <summary>One page of /snapshots/detail after <paramref name="marker"/>; HasMore when Cinder sent a next link.</summary>
    public async Task<ListingPage<CinderSnapshot>> ListPageAsync(string region, ListFilter filter, string? marker, int limit, CancellationToken cancellationToken)
    {
        var query = new StringBuilder("snapshots/detail?limit=").Append(limit);
        if (marker is not null) Append(query, "marker", marker);
        if (filter.AllProjects) query.Append("&all_tenants=1");
        if (filter.Name is not null) Append(query, "name", filter.Name);
        if (filter.Status is not null) Append(query, "status", filter.Status);
        if (filter.VolumeId is not null) Append(query, "volume_id", filter.VolumeId);
        var byMetadata = filter.Metadata is { Count: > 0 };
        if (byMetadata) Append(query, "metadata", "{" + string.Join(", ", filter.Metadata!.Select(m => $"'{m.Key}': '{m.Value}'")) + "}");
        if (filter.WithCount) query.Append("&with_count=true");
        var page = await _transport.GetAsync(region, query.ToString(), CinderJsonContext.Default.CinderSnapshotList, cancellationToken,
            filter.WithCount ? CountVersion : byMetadata ? MetadataFilterVersion : null).ConfigureAwait(false);
        foreach (var snapshot in page.Snapshots!) snapshot.Region = region;
        var more = page.SnapshotsLinks?.Any(l => string.Equals(l.Rel, "next", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(l.Href)) == true;
        return new ListingPage<CinderSnapshot>(page.Snapshots!, totalCount: filter.WithCount ? page.Count : null, hasMore: more);
    }

    /// <summary>True for metadata a server-side filter can carry: no quote or backslash would break its dict literal.</summary>
    public static bool CanFilterOn(KeyValuePair<string, string> metadata) =>
        metadata.Value.Length > 0 && metadata.Value.IndexOfAny(new[] { '\'', '"', '\\' }) < 0;

    public async Task<CinderSnapshot> GetAsync(string region, string id, CancellationToken cancellationToken) =>
        InRegion((await _transport.GetAsync(region, "snapshots/" + Escape(id), CinderJsonContext.Default.CinderSnapshotEnvelope, cancellationToken).ConfigureAwait(false)).Snapshot!, region);

    /// <summary>POST /snapshots: 202 with the new snapshot in status creating.</summary>
    public async Task<CinderSnapshot> CreateAsync(string region, CinderCreateSnapshot snapshot, CancellationToken cancellationToken) =>
        InRegion((await _transport.SendAsync(region, HttpMethod.Post, "snapshots", new CinderCreateBody { Snapshot = snapshot },
            CinderJsonContext.Default.CinderCreateBody, CinderJsonContext.Default.CinderSnapshotEnvelope, idempotent: false, cancellationToken).ConfigureAwait(false)).Snapshot!, region);

    public async Task<CinderSnapshot> UpdateAsync(string region, string id, CinderUpdateSnapshot changes, CancellationToken cancellationToken) =>
        InRegion((await _transport.SendAsync(region, HttpMethod.Put, "snapshots/" + Escape(id), new CinderUpdateBody { Snapshot = changes },
            CinderJsonContext.Default.CinderUpdateBody, CinderJsonContext.Default.CinderSnapshotEnvelope, idempotent: true, cancellationToken).ConfigureAwait(false)).Snapshot!, region);

    /// <summary>DELETE /snapshots/{id}: 202; the snapshot goes deleting, then is gone.</summary>
    public Task DeleteAsync(string region, string id, CancellationToken cancellationToken) =>
        _transport.SendWithoutReplyAsync(region, HttpMethod.Delete, "snapshots/" + Escape(id), cancellationToken);

    public async Task<Dictionary<string, string>> GetMetadataAsync(string region, string id, CancellationToken cancellationToken) =>
        (await _transport.GetAsync(region, MetadataPath(id), CinderJsonContext.Default.CinderMetadataBody, cancellationToken).ConfigureAwait(false)).Metadata!;

    /// <summary>POST: sets the keys given, keeps the others; answers with every key.</summary>
    public Task<Dictionary<string, string>> MergeMetadataAsync(string region, string id, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        SendMetadataAsync(region, HttpMethod.Post, id, metadata, cancellationToken);

    /// <summary>PUT: the keys given become the only ones.</summary>
    public Task<Dictionary<string, string>> ReplaceMetadataAsync(string region, string id, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        SendMetadataAsync(region, HttpMethod.Put, id, metadata, cancellationToken);

    public async Task<KeyValuePair<string, string>> GetMetadataKeyAsync(string region, string id, string key, CancellationToken cancellationToken) =>
        (await _transport.GetAsync(region, MetadataPath(id) + "/" + Escape(key), CinderJsonContext.Default.CinderMetaBody, cancellationToken).ConfigureAwait(false)).Meta!.Single();

    public async Task<KeyValuePair<string, string>> SetMetadataKeyAsync(string region, string id, string key, string value, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(region, HttpMethod.Put, MetadataPath(id) + "/" + Escape(key), new CinderMetaBody { Meta = new Dictionary<string, string> { [key] = value } },
            CinderJsonContext.Default.CinderMetaBody, CinderJsonContext.Default.CinderMetaBody, idempotent: true, cancellationToken).ConfigureAwait(false)).Meta!.Single();

    public Task DeleteMetadataKeyAsync(string region, string id, string key, CancellationToken cancellationToken) =>
        _transport.SendWithoutReplyAsync(region, HttpMethod.Delete, MetadataPath(id) + "/" + Escape(key), cancellationToken);

    private async Task<Dictionary<string, string>> SendMetadataAsync(string region, HttpMethod method, string id, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(region, method, MetadataPath(id), new CinderMetadataBody { Metadata = metadata.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal) },
            CinderJsonContext.Default.CinderMetadataBody, CinderJsonContext.Default.CinderMetadataBody, idempotent: true, cancellationToken).ConfigureAwait(false)).Metadata!;

    private static string MetadataPath(string id) => "snapshots/" + Escape(id) + "/metadata";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static void Append(StringBuilder query, string name, string value) => query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));

    private static CinderSnapshot InRegion(CinderSnapshot snapshot, string region)
    {
        snapshot.Region = region;
        return snapshot;
    }
}
