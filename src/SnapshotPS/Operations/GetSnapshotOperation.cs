using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Engine.Listing;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

public sealed class GetSnapshotRequest
{
    public string? Connection { get; init; }
    public bool AllConnections { get; init; }
    public IReadOnlyList<string> Ids { get; init; } = new string[0];
    public IReadOnlyList<string> Names { get; init; } = new string[0];
    public string? VolumeId { get; init; }
    public IDictionary? Tags { get; init; }

    /// <summary>
    /// -IncludeTotalCount: makes PowerShell's total count object from a count and its accuracy (1.0 exact,
    /// 0.0 unknown); written before the snapshots. Null when the total is not wanted.
    /// </summary>
    public System.Func<ulong, double, object>? TotalCountObject { get; init; }

    public IReadOnlyList<SnapshotState> States { get; init; } = new SnapshotState[0];
    public string? Location { get; init; }
    public int? PageSize { get; init; }
    public ulong? First { get; init; }
    public ulong Skip { get; init; }
    public SnapshotOwner Owner { get; init; } = SnapshotOwner.Self;

    /// <summary>One snapshot to read again (-InputObject): a snapshot, or what a hashtable or kept row named.</summary>
    public SnapshotTarget? Target { get; init; }
}

/// <summary>Get-CloudSnapshot: by id (one error per missing id), or streamed from one or all connections.</summary>
public sealed class GetSnapshotOperation : SnapshotOperation
{
    public GetSnapshotOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "GetCloudSnapshot")
    {
    }

    public async Task ProcessAsync(GetSnapshotRequest request, CancellationToken cancellationToken)
    {
        SnapshotQuery query;
        var totals = request.TotalCountObject is null ? null : new TotalCountWriter(Context, request);
        try
        {
            query = QueryOf(request, totals?.Total);
        }
        catch (System.ArgumentException invalid)
        {
            Context.WriteError(OperationErrors.From(invalid, CmdletPrefix, null));
            return;
        }

        if (request.Target is { } named)
        {
            await ForItemAsync(named.InputObject ?? (object?)named.Id, async () =>
            {
                var (_, provider, locator) = named.Resolve(Connections);
                Context.WriteObject(await provider.GetSnapshotAsync(locator, cancellationToken));
            }, cancellationToken);
            return;
        }

        if (request.Ids.Count > 0)
        {
            foreach (var id in request.Ids)
            {
                await ForItemAsync(id, async () =>
                {
                    var target = new SnapshotTarget { Id = id, Connection = request.Connection, Location = request.Location };
                    var (_, provider, locator) = target.Resolve(Connections);
                    var snapshot = await provider.GetSnapshotAsync(locator, cancellationToken);
                    if (new SnapshotFilter(query).Matches(snapshot)) Write(snapshot, totals);
                }, cancellationToken);
            }
            totals?.Flush(atEnd: true, countedByHand: true);
            return;
        }

        var unmatchedNames = request.Names.Where(n => !WildcardMatcher.HasWildcards(n)).ToList();
        var skipped = 0UL;
        var written = 0UL;
        var connections = ConnectionsToSearch(request).ToList();
        for (var index = 0; index < connections.Count; index++)
        {
            var connectionName = connections[index];
            var joinedBefore = totals?.Total.Joined ?? 0;
            totals?.Listing(lastConnection: index == connections.Count - 1);
            await ForItemAsync(connectionName, async () =>
            {
                var provider = Connections.Resolve(connectionName).GetClient();
                if (query.Owner is SnapshotOwner.SharedWithMe or SnapshotOwner.Public)
                    provider.Require(ProviderCapabilities.Permissions,
                        $"{provider.Provider} lists only the snapshots its connection owns; -Owner {query.Owner} applies where snapshots are shared between accounts (Outscale).");
                await foreach (var snapshot in provider.ListSnapshotsAsync(query, cancellationToken))
                {
                    unmatchedNames.RemoveAll(n => new WildcardMatcher(n).IsMatch(snapshot.Name));
                    if (skipped < request.Skip) { skipped++; continue; }
                    if (written >= request.First) return;
                    Write(snapshot, totals);
                    // Stop at the last object wanted: asking the listing for one more would fetch the next pages.
                    if (++written >= request.First)
                    {
                        if (totals is not null) await totals.SettledAsync(cancellationToken);
                        return;
                    }
                }
            }, cancellationToken);
            // A connection whose listing did not report (it failed first, or its provider does not take part) leaves the total unknown.
            if (totals is not null && totals.Total.Joined == joinedBefore) totals.Total.MarkUnknown();
            if (written >= request.First) break;
        }
        totals?.Flush(atEnd: true, countedByHand: false);
        if (written >= request.First) return;

        foreach (var name in unmatchedNames)
        {
            Context.WriteError(new OperationError(CmdletPrefix + "NotFound", OperationErrorCategory.ObjectNotFound,
                new KeyNotFoundException($"No snapshot named '{WildcardMatcher.Unescape(name)}' was found."), name));
        }
    }

    private IEnumerable<string?> ConnectionsToSearch(GetSnapshotRequest request) =>
        request.AllConnections ? Connections.All().Select(c => (string?)c.Name).ToList() : new[] { request.Connection };

    private void Write(CloudSnapshot snapshot, TotalCountWriter? totals)
    {
        if (totals is null) Context.WriteObject(snapshot);
        else totals.Write(snapshot);
    }

    private static SnapshotQuery QueryOf(GetSnapshotRequest request, ListingTotal? total) => new()
    {
        Total = total,
        Location = request.Location,
        Names = request.Names,
        VolumeId = request.VolumeId,
        Tags = TagConversion.OrEmpty(request.Tags, "Tag"),
        States = request.States,
        PageSize = request.PageSize,
        ItemsWanted = request.First is ulong first ? (int)System.Math.Min(int.MaxValue, first + System.Math.Min(request.Skip, int.MaxValue)) : null,
        Owner = request.Owner,
    };
}
