using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine.Listing;

namespace SnapshotPS.Core.Providers.Koyeb;

/// <summary>The five /v1/snapshots calls (reference §3). Every success is 200 with the snapshot wrapped.</summary>
internal sealed class KoyebSnapshotsApi
{
    private const string Snapshots = "v1/snapshots";
    private readonly KoyebTransport _transport;

    public KoyebSnapshotsApi(KoyebTransport transport) => _transport = transport;

    public sealed class ListFilter
    {
        public string? OrganizationId { get; init; }
        public string? Region { get; init; }
        public IReadOnlyList<string>? Statuses { get; init; }
    }

    public async Task<ListingPage<KoyebSnapshot>> ListPageAsync(ListFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = new List<string>
        {
            "limit=" + limit.ToString(CultureInfo.InvariantCulture),
            "offset=" + offset.ToString(CultureInfo.InvariantCulture),
        };
        Add(query, "organization_id", filter.OrganizationId);
        foreach (var status in filter.Statuses ?? Array.Empty<string>()) Add(query, "statuses", status);
        Add(query, "region", filter.Region);
        var reply = await _transport.SendAsync(HttpMethod.Get, Snapshots + "?" + string.Join("&", query),
            KoyebJsonContext.Default.KoyebSnapshotList, cancellationToken).ConfigureAwait(false);
        // has_next is the only "more pages" signal; a reply without it ends at a short page.
        return new ListingPage<KoyebSnapshot>(reply.Snapshots!, hasMore: reply.HasNext ?? (reply.Snapshots!.Count >= limit ? null : false));
    }

    public async Task<KoyebSnapshot> GetAsync(string id, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(HttpMethod.Get, Item(id), KoyebJsonContext.Default.KoyebSnapshotReply, cancellationToken).ConfigureAwait(false)).Snapshot!;

    public async Task<KoyebSnapshot> CreateAsync(KoyebCreateSnapshotBody body, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(HttpMethod.Post, Snapshots, body, KoyebJsonContext.Default.KoyebCreateSnapshotBody,
            KoyebJsonContext.Default.KoyebSnapshotReply, idempotent: false, cancellationToken).ConfigureAwait(false)).Snapshot!;

    /// <summary>UpdateSnapshot is a POST on the item path; setting a name twice changes nothing more, so it is idempotent.</summary>
    public async Task<KoyebSnapshot> UpdateAsync(string id, KoyebUpdateSnapshotBody body, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(HttpMethod.Post, Item(id), body, KoyebJsonContext.Default.KoyebUpdateSnapshotBody,
            KoyebJsonContext.Default.KoyebSnapshotReply, idempotent: true, cancellationToken).ConfigureAwait(false)).Snapshot!;

    public async Task<KoyebSnapshot> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(HttpMethod.Delete, Item(id), KoyebJsonContext.Default.KoyebSnapshotReply, cancellationToken).ConfigureAwait(false)).Snapshot!;

    private static string Item(string id) => Snapshots + "/" + Uri.EscapeDataString(id);

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) query.Add(name + "=" + Uri.EscapeDataString(value));
    }
}
