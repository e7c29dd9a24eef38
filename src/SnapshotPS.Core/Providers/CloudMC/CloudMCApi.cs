using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine.Listing;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>The snapshot and task calls of one service connection (reference §2-§4).</summary>
internal sealed class CloudMCApi
{
    private readonly CloudMCTransport _transport;
    private readonly string _serviceCode;

    public CloudMCApi(CloudMCTransport transport, string serviceCode)
    {
        _transport = transport;
        _serviceCode = serviceCode;
    }

    private string Snapshots(string environment) =>
        $"services/{Uri.EscapeDataString(_serviceCode)}/{Uri.EscapeDataString(environment)}/snapshots";

    /// <summary>
    /// One page. Paging is UNVERIFIED (page_number and page_size appear only in a commented-out part
    /// of the docs), so a server that ignores them and sends everything is read as one last page.
    /// </summary>
    public async Task<ListingPage<CloudMCSnapshot>> ListPageAsync(string environment, string? volumeId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = new List<string> { "page_number=" + page, "page_size=" + pageSize };
        if (volumeId is not null) query.Add("volume_id=" + Uri.EscapeDataString(volumeId));
        var reply = await _transport.GetAsync(Snapshots(environment) + "?" + string.Join("&", query),
            CloudMCJsonContext.Default.SnapshotListEnvelope, cancellationToken).ConfigureAwait(false);
        var items = reply.Data!;
        foreach (var item in items) item.Environment = environment;
        if (items.Count > pageSize) return new ListingPage<CloudMCSnapshot>(items, hasMore: false);
        var total = reply.Metadata?.RecordCount is long count ? (int?)count : null;
        return new ListingPage<CloudMCSnapshot>(items, total);
    }

    public async Task<CloudMCSnapshot> GetAsync(string environment, string id, CancellationToken cancellationToken)
    {
        var reply = await _transport.GetAsync($"{Snapshots(environment)}/{Uri.EscapeDataString(id)}",
            CloudMCJsonContext.Default.SnapshotEnvelope, cancellationToken).ConfigureAwait(false);
        reply.Data!.Environment = environment;
        return reply.Data;
    }

    public async Task<CloudMCTask> CreateAsync(string environment, CreateSnapshotBody body, CancellationToken cancellationToken) =>
        CloudMCTask.From(await _transport.PostAsync(Snapshots(environment) + "?operation=create", body,
            CloudMCJsonContext.Default.CreateSnapshotBody, CloudMCJsonContext.Default.TaskReply, cancellationToken).ConfigureAwait(false));

    /// <summary>UNVERIFIED for compute-on: documented for CloudMC's other plugins, and the generic convention.</summary>
    /// <returns>The delete's task, or null when CloudMC answered 204 without one.</returns>
    public async Task<CloudMCTask?> DeleteAsync(string environment, string id, CancellationToken cancellationToken) =>
        await _transport.DeleteAsync($"{Snapshots(environment)}/{Uri.EscapeDataString(id)}",
            CloudMCJsonContext.Default.TaskReply, cancellationToken).ConfigureAwait(false) is { } reply ? CloudMCTask.From(reply) : null;

    public async Task<CloudMCTask> GetTaskAsync(string taskId, CancellationToken cancellationToken) =>
        CloudMCTask.From(await _transport.GetAsync("tasks/" + Uri.EscapeDataString(taskId),
            CloudMCJsonContext.Default.TaskReply, cancellationToken).ConfigureAwait(false));
}
