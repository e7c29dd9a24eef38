using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine.Listing;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>The Block Storage API v1 snapshot calls (reference §8), where block-volume snapshots live.</summary>
internal sealed class ScalewayBlockApi
{
    private static readonly HttpMethod Patch = new("PATCH");
    private readonly ScalewayTransport _transport;

    public ScalewayBlockApi(ScalewayTransport transport) => _transport = transport;

    private static string Snapshots(string zone) => $"block/v1/zones/{zone}/snapshots";

    public sealed class ListFilter
    {
        public string? ProjectId { get; init; }
        public string? OrganizationId { get; init; }
        public string? Name { get; init; }
        public IReadOnlyList<string> Tags { get; init; } = new string[0];
        public string? VolumeId { get; init; }
    }

    public async Task<ListingPage<ScalewayBlockSnapshot>> ListPageAsync(string zone, ListFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = new List<string> { $"page={page}", $"page_size={pageSize}", "order_by=created_at_asc" };
        ScalewayInstanceApi.AddQuery(query, "project_id", filter.ProjectId);
        ScalewayInstanceApi.AddQuery(query, "organization_id", filter.OrganizationId);
        ScalewayInstanceApi.AddQuery(query, "name", filter.Name);
        ScalewayInstanceApi.AddQuery(query, "volume_id", filter.VolumeId);
        foreach (var tag in filter.Tags) ScalewayInstanceApi.AddQuery(query, "tags", tag);
        var reply = await _transport.SendAsync(HttpMethod.Get, Snapshots(zone) + "?" + string.Join("&", query),
            ScalewayJsonContext.Default.BlockSnapshotList, cancellationToken).ConfigureAwait(false);
        return new ListingPage<ScalewayBlockSnapshot>(reply.Body.Snapshots!, reply.Body.TotalCount);
    }

    public async Task<ScalewayBlockSnapshot> GetAsync(string zone, string id, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(HttpMethod.Get, $"{Snapshots(zone)}/{id}",
            ScalewayJsonContext.Default.ScalewayBlockSnapshot, cancellationToken).ConfigureAwait(false)).Body;

    public async Task<ScalewayBlockSnapshot> CreateAsync(string zone, BlockCreateSnapshotBody body, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(HttpMethod.Post, Snapshots(zone), body,
            ScalewayJsonContext.Default.BlockCreateSnapshotBody, ScalewayJsonContext.Default.ScalewayBlockSnapshot,
            idempotent: false, cancellationToken).ConfigureAwait(false)).Body;

    public async Task<ScalewayBlockSnapshot> UpdateAsync(string zone, string id, SnapshotPatchBody body, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(Patch, $"{Snapshots(zone)}/{id}", body,
            ScalewayJsonContext.Default.SnapshotPatchBody, ScalewayJsonContext.Default.ScalewayBlockSnapshot,
            idempotent: true, cancellationToken).ConfigureAwait(false)).Body;

    public async Task<ScalewayBlockSnapshot> ImportAsync(string zone, BlockImportSnapshotBody body, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(HttpMethod.Post, Snapshots(zone) + "/import-from-object-storage", body,
            ScalewayJsonContext.Default.BlockImportSnapshotBody, ScalewayJsonContext.Default.ScalewayBlockSnapshot,
            idempotent: false, cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>export-to-object-storage: 200 with the snapshot "exporting". Not idempotent.</summary>
    public async Task<ScalewayBlockSnapshot> ExportAsync(string zone, string id, ObjectStorageTargetBody body, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(HttpMethod.Post, $"{Snapshots(zone)}/{id}/export-to-object-storage", body,
            ScalewayJsonContext.Default.ObjectStorageTargetBody, ScalewayJsonContext.Default.ScalewayBlockSnapshot,
            idempotent: false, cancellationToken).ConfigureAwait(false)).Body;

    public Task DeleteAsync(string zone, string id, CancellationToken cancellationToken) =>
        _transport.DeleteAsync($"{Snapshots(zone)}/{id}", cancellationToken);
}
