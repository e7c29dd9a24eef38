using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Scaleway.Instance;

/// <summary>/instance/v1/zones/{zone}/snapshots and /volumes/{id} (reference section 3).</summary>
internal static class InstanceSnapshotEndpoints
{
    private const string Snapshots = "/instance/v1/zones/{zone}/snapshots";

    public static void Map(RouteGroupBuilder group, ScalewayFake fake)
    {
        group.MapGet(Snapshots, (HttpContext context, string zone) => InstanceSnapshotList.List(context, fake, zone));
        group.MapPost(Snapshots, (HttpContext context, string zone) => InstanceSnapshotCreate.CreateAsync(context, fake, zone));
        group.MapGet(Snapshots + "/{id}", (HttpContext context, string zone, string id) => Get(context, fake, zone, id));
        group.MapPatch(Snapshots + "/{id}", (HttpContext context, string zone, string id) => InstanceSnapshotUpdate.UpdateAsync(context, fake, zone, id, replace: false));
        group.MapPut(Snapshots + "/{id}", (HttpContext context, string zone, string id) => InstanceSnapshotUpdate.UpdateAsync(context, fake, zone, id, replace: true));
        group.MapDelete(Snapshots + "/{id}", (HttpContext context, string zone, string id) => Delete(context, fake, zone, id));
        group.MapPost(Snapshots + "/{id}/export", (HttpContext context, string zone, string id) => InstanceSnapshotUpdate.ExportAsync(context, fake, zone, id));
        group.MapGet("/instance/v1/zones/{zone}/volumes/{id}", (HttpContext context, string zone, string id) => GetVolume(context, fake, zone, id));
    }

    public static IResult SnapshotNotFound(string id) =>
        ScalewayErrors.NotFound(ScalewayApi.Instance, InstanceSnapshot.Resource, ScalewayIds.Normalize(id) ?? id);

    private static IResult Get(HttpContext context, ScalewayFake fake, string zone, string id)
    {
        if (ScalewayIds.CheckZoneAndId(ScalewayApi.Instance, zone, "snapshot_id", id) is { } invalid)
        {
            return invalid;
        }

        lock (fake.Store.Gate)
        {
            var snapshot = fake.Store.FindInstanceSnapshot(ScalewayTenant.Of(context), zone, id);
            return snapshot is null
                ? SnapshotNotFound(id)
                : InstanceJson.Result(StatusCodes.Status200OK, new JsonObject { ["snapshot"] = InstanceJson.Snapshot(snapshot) });
        }
    }

    private static IResult Delete(HttpContext context, ScalewayFake fake, string zone, string id)
    {
        if (ScalewayIds.CheckZoneAndId(ScalewayApi.Instance, zone, "snapshot_id", id) is { } invalid)
        {
            return invalid;
        }

        lock (fake.Store.Gate)
        {
            var snapshot = fake.Store.FindInstanceSnapshot(ScalewayTenant.Of(context), zone, id);
            if (snapshot is null)
            {
                return SnapshotNotFound(id);
            }

            // UNVERIFIED: deleting in a transient state is refused with 409 transient_state (reference 3.6).
            if (snapshot.IsTransient)
            {
                return ScalewayErrors.TransientState(ScalewayApi.Instance, InstanceSnapshot.Resource, snapshot.Id, snapshot.State);
            }

            fake.Store.RemoveInstanceSnapshot(snapshot);
            return WireJsonResult.Empty(StatusCodes.Status204NoContent);
        }
    }

    private static IResult GetVolume(HttpContext context, ScalewayFake fake, string zone, string id)
    {
        if (ScalewayIds.CheckZoneAndId(ScalewayApi.Instance, zone, "volume_id", id) is { } invalid)
        {
            return invalid;
        }

        lock (fake.Store.Gate)
        {
            var volume = fake.Store.FindInstanceVolume(ScalewayTenant.Of(context), zone, id);
            return volume is null
                ? ScalewayErrors.NotFound(ScalewayApi.Instance, "instance_volume", ScalewayIds.Normalize(id)!)
                : InstanceJson.Result(StatusCodes.Status200OK, new JsonObject { ["volume"] = InstanceJson.Volume(volume) });
        }
    }
}
