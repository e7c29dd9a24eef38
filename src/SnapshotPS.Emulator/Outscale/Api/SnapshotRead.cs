using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Outscale.Api;

/// <summary>ReadSnapshots: own, shared-with-caller and public snapshots, filtered and paged (reference 4.3 and 7).</summary>
internal static class SnapshotRead
{
    public static OperationOutcome Read(OutscaleCall call)
    {
        var body = call.Body;
        var filters = SnapshotFilters.Read(body);
        var resultsPerPage = body.Integer("ResultsPerPage");
        var nextPageToken = body.String("NextPageToken");
        var pagingError = OutscalePaging.Validate(resultsPerPage, nextPageToken, out var page);
        if ((call.SchemaError() ?? filters.Validate() ?? pagingError) is { } invalid)
        {
            return invalid;
        }

        if (call.DryRun)
        {
            return OperationOutcome.Empty;
        }

        var store = call.Store;
        lock (store.Gate)
        {
            var now = store.Now;
            // The store keeps the paging order, so a page starts after its token and reads no further than it needs.
            var sorted = store.SnapshotOrder.After(page.After?.CreatedAt, page.After?.Id)
                .Where(snapshot => snapshot.IsVisibleTo(call.Account.AccountId))
                .Select(snapshot => (Snapshot: snapshot, Status: snapshot.StatusAt(now)))
                .Where(row => filters.Match(row.Snapshot, row.Status));
            var (rows, nextToken) = OutscalePaging.Take(sorted, page, row => new PageCursor(row.Snapshot.CreatedAt, row.Snapshot.Id));
            var payload = new JsonObject
            {
                ["Snapshots"] = new JsonArray(rows.Select(row => (JsonNode)OutscaleJson.Snapshot(row.Snapshot, row.Status)).ToArray()),
            };
            if (nextToken is not null)
            {
                payload["NextPageToken"] = nextToken;
            }

            return payload;
        }
    }
}
