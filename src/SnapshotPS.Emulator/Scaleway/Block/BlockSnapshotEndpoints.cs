using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Scaleway.Block;

/// <summary>/block/v1/zones/{zone}/snapshots and /volumes/{id} (reference section 8).</summary>
internal static class BlockSnapshotEndpoints
{
    private const string Snapshots = "/block/v1/zones/{zone}/snapshots";

    public static void Map(RouteGroupBuilder group, ScalewayFake fake)
    {
        group.MapGet(Snapshots, (HttpContext context, string zone) => BlockSnapshotList.List(context, fake, zone));
        group.MapPost(Snapshots, (HttpContext context, string zone) => BlockSnapshotCreate.CreateAsync(context, fake, zone));
        group.MapPost(Snapshots + "/import-from-object-storage", (HttpContext context, string zone) => BlockSnapshotCreate.ImportAsync(context, fake, zone));
        group.MapPost(Snapshots + "/{id}/export-to-object-storage", (HttpContext context, string zone, string id) => BlockSnapshotCreate.ExportAsync(context, fake, zone, id));
        group.MapGet(Snapshots + "/{id}", (HttpContext context, string zone, string id) => Get(context, fake, zone, id));
        group.MapPatch(Snapshots + "/{id}", (HttpContext context, string zone, string id) => UpdateAsync(context, fake, zone, id));
        group.MapDelete(Snapshots + "/{id}", (HttpContext context, string zone, string id) => Delete(context, fake, zone, id));
        group.MapGet("/block/v1/zones/{zone}/volumes/{id}", (HttpContext context, string zone, string id) => GetVolume(context, fake, zone, id));
    }

    public static IResult SnapshotNotFound(string id) =>
        ScalewayErrors.NotFound(ScalewayApi.Block, BlockSnapshot.Resource, ScalewayIds.Normalize(id) ?? id);

    private static IResult Get(HttpContext context, ScalewayFake fake, string zone, string id)
    {
        if (ScalewayIds.CheckZoneAndId(ScalewayApi.Block, zone, "snapshot_id", id) is { } invalid)
        {
            return invalid;
        }

        lock (fake.Store.Gate)
        {
            var snapshot = fake.Store.FindBlockSnapshot(ScalewayTenant.Of(context), zone, id);
            return snapshot is null ? SnapshotNotFound(id) : BlockJson.Result(StatusCodes.Status200OK, BlockJson.Snapshot(snapshot));
        }
    }

    /// <summary>PATCH: name, tags (replaces the list), public; only supplied fields change.</summary>
    private static async Task<IResult> UpdateAsync(HttpContext context, ScalewayFake fake, string zone, string id)
    {
        if (ScalewayIds.CheckZoneAndId(ScalewayApi.Block, zone, "snapshot_id", id) is { } invalidPath)
        {
            return invalidPath;
        }

        var (body, unreadable) = await ScalewayRequestBody.ReadAsync(context, ScalewayApi.Block);
        if (body is null)
        {
            return unreadable!;
        }

        var name = body.String("name");
        var tags = body.StringList("tags");
        var isPublic = body.Boolean("public");
        if (body.ProblemsResult() is { } invalid)
        {
            return invalid;
        }

        lock (fake.Store.Gate)
        {
            var snapshot = fake.Store.FindBlockSnapshot(ScalewayTenant.Of(context), zone, id);
            if (snapshot is null)
            {
                return SnapshotNotFound(id);
            }

            snapshot.Name = name ?? snapshot.Name;
            snapshot.Tags = tags ?? snapshot.Tags;
            snapshot.Public = isPublic ?? snapshot.Public;
            snapshot.ModifiedAt = fake.Store.Now;
            return BlockJson.Result(StatusCodes.Status200OK, BlockJson.Snapshot(snapshot));
        }
    }

    /// <summary>204; the snapshot stays behind as "deleted", listed only with include_deleted=true.</summary>
    private static IResult Delete(HttpContext context, ScalewayFake fake, string zone, string id)
    {
        if (ScalewayIds.CheckZoneAndId(ScalewayApi.Block, zone, "snapshot_id", id) is { } invalid)
        {
            return invalid;
        }

        lock (fake.Store.Gate)
        {
            var snapshot = fake.Store.FindBlockSnapshot(ScalewayTenant.Of(context), zone, id);
            if (snapshot is null)
            {
                return SnapshotNotFound(id);
            }

            // UNVERIFIED: deleting while creating or exporting is refused with 409 transient_state.
            if (snapshot.IsTransient)
            {
                return ScalewayErrors.TransientState(ScalewayApi.Block, BlockSnapshot.Resource, snapshot.Id, snapshot.State);
            }

            snapshot.State = "deleted";
            snapshot.ModifiedAt = fake.Store.Now;
            return WireJsonResult.Empty(StatusCodes.Status204NoContent);
        }
    }

    private static IResult GetVolume(HttpContext context, ScalewayFake fake, string zone, string id)
    {
        if (ScalewayIds.CheckZoneAndId(ScalewayApi.Block, zone, "volume_id", id) is { } invalid)
        {
            return invalid;
        }

        lock (fake.Store.Gate)
        {
            var volume = fake.Store.FindBlockVolume(ScalewayTenant.Of(context), zone, id);
            return volume is null
                ? ScalewayErrors.NotFound(ScalewayApi.Block, BlockVolume.Resource, ScalewayIds.Normalize(id)!)
                : BlockJson.Result(StatusCodes.Status200OK, BlockJson.Volume(volume));
        }
    }
}
