using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>The Instance API v1 snapshot calls (reference §3, §5): local volumes and legacy types.</summary>
internal sealed class ScalewayInstanceApi
{
    private static readonly HttpMethod Patch = new("PATCH");
    private readonly ScalewayTransport _transport;

    public ScalewayInstanceApi(ScalewayTransport transport) => _transport = transport;

    private static string Snapshots(string zone) => $"instance/v1/zones/{zone}/snapshots";

    public sealed class ListFilter
    {
        public string? Project { get; init; }
        public string? Organization { get; init; }
        public string? Name { get; init; }
        public string? Tag { get; init; }
        public string? BaseVolumeId { get; init; }
    }

    public async Task<ListingPage<ScalewayInstanceSnapshot>> ListPageAsync(string zone, ListFilter filter, int page, int perPage, CancellationToken cancellationToken)
    {
        var query = new List<string> { $"page={page}", $"per_page={perPage}" };
        AddQuery(query, "project", filter.Project);
        AddQuery(query, "organization", filter.Organization);
        AddQuery(query, "name", filter.Name);
        AddQuery(query, "tags", filter.Tag);
        AddQuery(query, "base_volume_id", filter.BaseVolumeId);
        var reply = await _transport.SendAsync(HttpMethod.Get, Snapshots(zone) + "?" + string.Join("&", query),
            ScalewayJsonContext.Default.InstanceSnapshotList, cancellationToken).ConfigureAwait(false);
        return new ListingPage<ScalewayInstanceSnapshot>(reply.Body.Snapshots!, TotalOf(reply.Headers));
    }

    private static int? TotalOf(System.Net.Http.Headers.HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("X-Total-Count", out var values)) return null;
        var text = values.FirstOrDefault();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new CloudApiException(CloudProvider.Scaleway, CloudErrorKind.InvalidResponse,
                $"Scaleway answered the snapshot listing with an invalid reply: X-Total-Count is '{text}', not a count.");
    }

    public async Task<ScalewayInstanceSnapshot> GetAsync(string zone, string id, CancellationToken cancellationToken) =>
        Unwrap((await _transport.SendAsync(HttpMethod.Get, $"{Snapshots(zone)}/{id}",
            ScalewayJsonContext.Default.InstanceSnapshotEnvelope, cancellationToken).ConfigureAwait(false)).Body);

    public async Task<ScalewayInstanceSnapshot> CreateAsync(string zone, InstanceCreateSnapshotBody body, CancellationToken cancellationToken) =>
        Unwrap((await _transport.SendAsync(HttpMethod.Post, Snapshots(zone), body,
            ScalewayJsonContext.Default.InstanceCreateSnapshotBody, ScalewayJsonContext.Default.InstanceSnapshotEnvelope,
            idempotent: false, cancellationToken).ConfigureAwait(false)).Body);

    public async Task<ScalewayInstanceSnapshot> UpdateAsync(string zone, string id, SnapshotPatchBody body, CancellationToken cancellationToken) =>
        Unwrap((await _transport.SendAsync(Patch, $"{Snapshots(zone)}/{id}", body,
            ScalewayJsonContext.Default.SnapshotPatchBody, ScalewayJsonContext.Default.InstanceSnapshotEnvelope,
            idempotent: true, cancellationToken).ConfigureAwait(false)).Body);

    /// <summary>SetSnapshot (PUT): replaces every property. Sending the same body again changes nothing more, so it may be retried.</summary>
    public async Task<ScalewayInstanceSnapshot> SetAsync(string zone, string id, InstanceSetSnapshotBody body, CancellationToken cancellationToken) =>
        Unwrap((await _transport.SendAsync(HttpMethod.Put, $"{Snapshots(zone)}/{id}", body,
            ScalewayJsonContext.Default.InstanceSetSnapshotBody, ScalewayJsonContext.Default.InstanceSnapshotEnvelope,
            idempotent: true, cancellationToken).ConfigureAwait(false)).Body);

    /// <summary>ExportSnapshot: 202 with a placeholder task. Not idempotent: a second export writes the object again.</summary>
    public async Task<ScalewayTask> ExportAsync(string zone, string id, ObjectStorageTargetBody body, CancellationToken cancellationToken) =>
        (await _transport.SendAsync(HttpMethod.Post, $"{Snapshots(zone)}/{id}/export", body,
            ScalewayJsonContext.Default.ObjectStorageTargetBody, ScalewayJsonContext.Default.InstanceTaskEnvelope,
            idempotent: false, cancellationToken).ConfigureAwait(false)).Body.Task!;

    public Task DeleteAsync(string zone, string id, CancellationToken cancellationToken) =>
        _transport.DeleteAsync($"{Snapshots(zone)}/{id}", cancellationToken);

    private static ScalewayInstanceSnapshot Unwrap(InstanceSnapshotEnvelope envelope) => envelope.Snapshot!; // validated by the transport

    internal static void AddQuery(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) query.Add(name + "=" + Uri.EscapeDataString(value));
    }
}
