using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Scaleway.Block;

/// <summary>GET /snapshots: page/page_size paging with total_count in the body (reference section 8).</summary>
internal static class BlockSnapshotList
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    private static readonly string[] OrderBys = ["created_at_asc", "created_at_desc", "name_asc", "name_desc"];

    public static IResult List(HttpContext context, ScalewayFake fake, string zone)
    {
        if (ScalewayZones.Check(ScalewayApi.Block, zone) is { } badZone)
        {
            return badZone;
        }

        var query = new ScalewayQuery(context.Request.Query, ScalewayApi.Block);
        var page = query.Integer("page", 1, int.MaxValue) ?? 1;
        var pageSize = query.Integer("page_size", 1, MaxPageSize) ?? DefaultPageSize;
        var orderBy = query.OneOf("order_by", OrderBys) ?? "created_at_asc";
        var projectId = query.Uuid("project_id");
        var organizationId = query.Uuid("organization_id");
        var volumeId = query.Uuid("volume_id");
        var includeDeleted = query.Boolean("include_deleted") ?? false;
        var name = query.String("name");
        var tags = query.All("tags");
        if (query.ProblemsResult() is { } invalid)
        {
            return invalid;
        }

        var tenant = ScalewayTenant.Of(context);
        JsonObject body;
        lock (fake.Store.Gate)
        {
            // UNVERIFIED: name is a case-insensitive substring match and every requested tag must be present.
            var matching = fake.Store.SettledIn(fake.Store.BlockSnapshots, snapshot =>
                    snapshot.Zone == zone && snapshot.ProjectId == tenant.ProjectId &&
                    (includeDeleted || !snapshot.IsDeleted) &&
                    (projectId is null || snapshot.ProjectId == projectId) &&
                    (organizationId is null || snapshot.OrganizationId == organizationId) &&
                    (volumeId is null || snapshot.ParentVolume?.Id == volumeId) &&
                    (name is null || snapshot.Name.Contains(name, StringComparison.OrdinalIgnoreCase)) &&
                    tags.All(snapshot.Tags.Contains))
                .ToList();
            var ordered = Order(matching, orderBy);
            var items = ordered.Skip((int)Math.Min((long)(page - 1) * pageSize, int.MaxValue)).Take(pageSize).Select(BlockJson.Snapshot);
            body = new JsonObject
            {
                ["snapshots"] = new JsonArray(items.Select(item => (JsonNode)item).ToArray()),
                ["total_count"] = matching.Count,
            };
        }

        return BlockJson.Result(StatusCodes.Status200OK, body);
    }

    private static IEnumerable<BlockSnapshot> Order(List<BlockSnapshot> snapshots, string orderBy) => orderBy switch
    {
        "created_at_desc" => snapshots.OrderByDescending(snapshot => snapshot.CreatedAt).ThenByDescending(snapshot => snapshot.Sequence),
        "name_asc" => snapshots.OrderBy(snapshot => snapshot.Name, StringComparer.Ordinal).ThenBy(snapshot => snapshot.Sequence),
        "name_desc" => snapshots.OrderByDescending(snapshot => snapshot.Name, StringComparer.Ordinal).ThenByDescending(snapshot => snapshot.Sequence),
        _ => snapshots.OrderBy(snapshot => snapshot.CreatedAt).ThenBy(snapshot => snapshot.Sequence),
    };
}
