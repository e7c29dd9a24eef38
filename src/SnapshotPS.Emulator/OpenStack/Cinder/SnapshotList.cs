using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>
/// GET /snapshots and /snapshots/detail (reference B.7). In the default order a page starts with a binary search
/// for the marker and reads only what it returns (plus what filters skip); other orders sort the matches.
/// </summary>
internal static class SnapshotList
{
    public static IResult List(CinderCall call, bool detail)
    {
        var query = ListQuery.Parse(call, out var error);
        if (query is null) return error!;

        var scope = call.Store.Order.In(call.Region, query.AllTenants ? null : call.ProjectId);
        CinderSnapshot? marker = null;
        if (query.Marker is { } markerId && (marker = call.FindSnapshot(markerId)) is null) return CinderErrors.SnapshotNotFound(markerId);

        var page = query.IsStoreOrder ? StoreOrderPage(scope, query, marker) : SortedPage(scope, query, marker);
        var body = new JsonObject
        {
            ["snapshots"] = new JsonArray(page.Select(snapshot =>
                (JsonNode)(detail ? CinderJson.Detail(snapshot, call.Version, extended: true) : CinderJson.Summary(snapshot))).ToArray()),
        };
        int? count = query.WithCount ? (query.Filters.Count == 0 ? scope.Count : scope.Count(query.Matches)) : null;
        var itemCount = count ?? page.Count;
        if (page.Count > 0 && itemCount > 0 && query.PageSize <= itemCount)
        {
            body["snapshots_links"] = new JsonArray(new JsonObject { ["rel"] = "next", ["href"] = NextHref(call.Http.Request, page[^1].Id) });
        }

        if (count is not null) body["count"] = count;
        return new OpenStackReply(StatusCodes.Status200OK, body);
    }

    /// <summary>Walks the store's (created_at, id) order from just past the marker; offset is index arithmetic when nothing filters.</summary>
    private static List<CinderSnapshot> StoreOrderPage(IReadOnlyList<CinderSnapshot> scope, ListQuery query, CinderSnapshot? marker)
    {
        var descending = query.Sort[0].Descending;
        var step = descending ? -1 : 1;
        int index;
        if (marker is null)
        {
            index = descending ? scope.Count - 1 : 0;
        }
        else
        {
            var atOrAfter = LowerBound(scope, marker);
            var exact = atOrAfter < scope.Count && ReferenceEquals(scope[atOrAfter], marker);
            index = descending ? atOrAfter - 1 : (exact ? atOrAfter + 1 : atOrAfter);
        }

        var page = new List<CinderSnapshot>(Math.Min(query.PageSize, scope.Count));
        var toSkip = query.Offset;
        if (query.Filters.Count == 0)
        {
            index += step * toSkip;
            toSkip = 0;
        }

        for (; index >= 0 && index < scope.Count && page.Count < query.PageSize; index += step)
        {
            var snapshot = scope[index];
            if (!query.Matches(snapshot)) continue;
            if (toSkip > 0)
            {
                toSkip--;
                continue;
            }

            page.Add(snapshot);
        }

        return page;
    }

    private static List<CinderSnapshot> SortedPage(IReadOnlyList<CinderSnapshot> scope, ListQuery query, CinderSnapshot? marker)
    {
        var comparer = Comparer<CinderSnapshot>.Create((a, b) => Compare(a, b, query.Sort));
        var sorted = scope.Where(query.Matches).Order(comparer);
        var afterMarker = marker is null ? sorted : sorted.SkipWhile(snapshot => comparer.Compare(snapshot, marker) <= 0);
        return afterMarker.Skip(query.Offset).Take(query.PageSize).ToList();
    }

    private static int Compare(CinderSnapshot a, CinderSnapshot b, List<(string Key, bool Descending)> keys)
    {
        foreach (var (key, descending) in keys)
        {
            var order = key switch
            {
                "created_at" => a.CreatedAt.CompareTo(b.CreatedAt),
                "updated_at" => Nullable.Compare(a.UpdatedAt, b.UpdatedAt),
                "size" => a.SizeGiB.CompareTo(b.SizeGiB),
                _ => string.CompareOrdinal(Text(a, key), Text(b, key)),
            };
            if (order != 0) return descending ? -order : order;
        }

        return 0;
    }

    private static string? Text(CinderSnapshot snapshot, string key) => key switch
    {
        "id" => snapshot.Id,
        "name" => snapshot.Name,
        "status" => snapshot.Status,
        "volume_id" => snapshot.VolumeId,
        "project_id" => snapshot.ProjectId,
        "user_id" => snapshot.UserId,
        _ => snapshot.Description,
    };

    /// <summary>The first index whose (created_at, id) is not below the marker's.</summary>
    private static int LowerBound(IReadOnlyList<CinderSnapshot> scope, CinderSnapshot marker)
    {
        int low = 0, high = scope.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (SnapshotOrder.Compare(scope[middle], marker) < 0) low = middle + 1;
            else high = middle;
        }

        return low;
    }

    /// <summary>The request's URL with every original parameter kept in order, any marker dropped, and marker=last id appended.</summary>
    private static string NextHref(HttpRequest request, string lastId)
    {
        var kept = (request.QueryString.Value ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => pair != "marker" && !pair.StartsWith("marker=", StringComparison.Ordinal));
        var query = string.Join('&', kept.Append("marker=" + Uri.EscapeDataString(lastId)));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{query}";
    }
}
