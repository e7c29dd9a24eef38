using System.Globalization;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Scaleway.Instance;

/// <summary>GET /snapshots with filters and Instance-style paging headers (reference 3.1 and 5).</summary>
internal static class InstanceSnapshotList
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 100;

    public static IResult List(HttpContext context, ScalewayFake fake, string zone)
    {
        if (ScalewayZones.Check(ScalewayApi.Instance, zone) is { } badZone)
        {
            return badZone;
        }

        var query = new ScalewayQuery(context.Request.Query, ScalewayApi.Instance);
        var page = query.Integer("page", 1, int.MaxValue) ?? 1;
        var perPage = query.Integer("per_page", 1, MaxPerPage) ?? DefaultPerPage;
        var organization = query.Uuid("organization");
        var project = query.Uuid("project");
        var baseVolumeId = query.Uuid("base_volume_id");
        var name = query.String("name");
        var tags = query.All("tags");
        if (query.ProblemsResult() is { } invalid)
        {
            return invalid;
        }

        var tenant = ScalewayTenant.Of(context);
        int total;
        JsonObject[] pageItems;
        lock (fake.Store.Gate)
        {
            // UNVERIFIED: name is a case-insensitive substring match, tags must all be present, and the
            // order is by creation date, oldest first. The store keeps that order, so nothing is sorted
            // here, and without filters a page is a slice of it.
            var inScope = project is null || project == tenant.ProjectId ? fake.Store.InstanceOrder.In(zone, tenant.ProjectId) : [];
            var filtered = organization is not null || baseVolumeId is not null || name is not null || tags.Count > 0;
            IReadOnlyList<InstanceSnapshot> matching = !filtered ? inScope : inScope.Where(snapshot =>
                    (organization is null || snapshot.OrganizationId == organization) &&
                    (baseVolumeId is null || snapshot.BaseVolume?.Id == baseVolumeId) &&
                    (name is null || snapshot.Name.Contains(name, StringComparison.OrdinalIgnoreCase)) &&
                    tags.All(snapshot.Tags.Contains))
                .ToList();
            total = matching.Count;
            var first = (int)Math.Min((long)(page - 1) * perPage, total);
            var now = fake.Store.Now;
            pageItems = new JsonObject[Math.Min(perPage, total - first)];
            for (var i = 0; i < pageItems.Length; i++)
            {
                var snapshot = matching[first + i];
                snapshot.Settle(now);
                pageItems[i] = InstanceJson.Snapshot(snapshot);
            }
        }

        var headers = context.Response.Headers;
        headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        headers.Link = LinkHeader("/snapshots", context.Request.QueryString.Value, page, perPage, total);
        return InstanceJson.Result(StatusCodes.Status200OK, new JsonObject { ["snapshots"] = new JsonArray(pageItems) });
    }

    /// <summary>
    /// Links as the Instance API writes them: the path relative to the zone, page and per_page first, the
    /// other query parameters kept as sent (a trailing '&amp;' when there are none); first and previous
    /// from page 2 on, next before the last page, last always.
    /// </summary>
    internal static string LinkHeader(string path, string? rawQuery, int page, int perPage, int total)
    {
        var lastPage = Math.Max(1, (int)(((long)total + perPage - 1) / perPage));
        var others = string.Join('&', (rawQuery ?? "").TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsParameter(pair, "page") && !IsParameter(pair, "per_page")));

        string Link(int target, string rel) =>
            $"<{path}?page={target.ToString(CultureInfo.InvariantCulture)}&per_page={perPage.ToString(CultureInfo.InvariantCulture)}&{others}>; rel=\"{rel}\"";

        var links = new List<string>();
        if (page > 1)
        {
            links.Add(Link(1, "first"));
            links.Add(Link(Math.Min(page - 1, lastPage), "previous"));
        }

        if (page < lastPage)
        {
            links.Add(Link(page + 1, "next"));
        }

        links.Add(Link(lastPage, "last"));
        return string.Join(',', links);
    }

    private static bool IsParameter(string pair, string name) =>
        pair == name || pair.StartsWith(name + "=", StringComparison.Ordinal);
}
