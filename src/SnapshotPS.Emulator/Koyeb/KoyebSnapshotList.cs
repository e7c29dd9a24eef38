using System.Globalization;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Koyeb;

/// <summary>
/// GET /v1/snapshots (reference §3.3, §8): limit and offset as decimal strings, filters by statuses
/// (repeated key), region and organization_id; newest first (the order is UNVERIFIED); the reply has
/// exactly snapshots, limit, offset and has_next, and an offset past the end is an empty page, not an error.
/// </summary>
internal static class KoyebSnapshotList
{
    public const int MaxLimit = 100;

    /// <summary>UNVERIFIED: the default page size when limit is absent or 0.</summary>
    public const int DefaultLimit = 10;

    public static IResult List(HttpContext context, KoyebFake fake)
    {
        var query = context.Request.Query;
        var problems = new List<(string, string)>();
        var limit = Integer(query["limit"], "limit", problems) ?? DefaultLimit;
        var offset = Integer(query["offset"], "offset", problems) ?? 0;
        var statuses = query["statuses"].Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in statuses.Where(s => !KoyebStatus.All.Contains(s)))
        {
            problems.Add(("statuses", $"invalid value \"{unknown}\" for enum SnapshotStatus"));
        }

        if (problems.Count > 0)
        {
            return KoyebErrors.InvalidArgument(problems);
        }

        limit = limit == 0 ? DefaultLimit : Math.Min(limit, MaxLimit);
        var region = query["region"].ToString();
        var organizationFilter = query["organization_id"].ToString();
        var organization = KoyebAuthFilter.OrganizationOf(context);
        var page = new List<JsonNode>();
        bool hasNext;
        lock (fake.Store.Gate)
        {
            fake.Store.SettleDue();
            var all = organizationFilter.Length == 0 || string.Equals(organizationFilter, organization, StringComparison.OrdinalIgnoreCase)
                ? fake.Store.OrderOf(organization)
                : [];
            hasNext = statuses.Count == 0 && region.Length == 0
                ? Slice(all, offset, limit, page)
                : Filter(all, snapshot => (statuses.Count == 0 || statuses.Contains(snapshot.Status)) &&
                    (region.Length == 0 || snapshot.Region == region), offset, limit, page);
        }

        return KoyebErrors.Json(StatusCodes.Status200OK, new JsonObject
        {
            ["snapshots"] = new JsonArray(page.ToArray()),
            ["limit"] = limit,
            ["offset"] = offset,
            ["has_next"] = hasNext,
        });
    }

    /// <summary>Newest first from a list kept oldest first: a slice from the end, whatever its length.</summary>
    private static bool Slice(IReadOnlyList<KoyebSnapshotRecord> all, long offset, int limit, List<JsonNode> page)
    {
        for (var i = offset; i < offset + limit && i < all.Count; i++)
        {
            page.Add(KoyebJson.Snapshot(all[all.Count - 1 - (int)i]));
        }

        return offset + limit < all.Count;
    }

    /// <summary>Walks from the newest and stops one match past the page.</summary>
    private static bool Filter(IReadOnlyList<KoyebSnapshotRecord> all, Func<KoyebSnapshotRecord, bool> matches, long offset, int limit, List<JsonNode> page)
    {
        long seen = 0;
        for (var i = all.Count - 1; i >= 0; i--)
        {
            if (!matches(all[i])) continue;
            if (seen++ < offset) continue;
            if (page.Count == limit) return true;
            page.Add(KoyebJson.Snapshot(all[i]));
        }

        return false;
    }

    private static int? Integer(Microsoft.Extensions.Primitives.StringValues values, string name, List<(string, string)> problems)
    {
        var text = values.ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add((name, $"\"{text}\" is not a positive integer"));
        return null;
    }
}
