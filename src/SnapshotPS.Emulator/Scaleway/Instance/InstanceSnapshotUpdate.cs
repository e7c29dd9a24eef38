using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Scaleway.Instance;

/// <summary>PATCH and PUT /snapshots/{id}, and POST /snapshots/{id}/export (reference 3.4, 3.5, 3.7).</summary>
internal static class InstanceSnapshotUpdate
{
    /// <summary>
    /// PATCH changes only the fields supplied. PUT takes the full object but, UNVERIFIED, only its name and
    /// tags take effect; the other fields are accepted and ignored.
    /// </summary>
    public static async Task<IResult> UpdateAsync(HttpContext context, ScalewayFake fake, string zone, string id, bool replace)
    {
        if (ScalewayIds.CheckZoneAndId(ScalewayApi.Instance, zone, "snapshot_id", id) is { } invalidPath)
        {
            return invalidPath;
        }

        var (body, unreadable) = await ScalewayRequestBody.ReadAsync(context, ScalewayApi.Instance);
        if (body is null)
        {
            return unreadable!;
        }

        var name = body.String("name");
        var tags = body.StringList("tags");
        if (replace)
        {
            ReadIgnoredSetFields(body);
        }

        if (body.ProblemsResult() is { } invalid)
        {
            return invalid;
        }

        lock (fake.Store.Gate)
        {
            var snapshot = fake.Store.FindInstanceSnapshot(ScalewayTenant.Of(context), zone, id);
            if (snapshot is null)
            {
                return InstanceSnapshotEndpoints.SnapshotNotFound(id);
            }

            snapshot.Name = name ?? snapshot.Name;
            snapshot.Tags = tags ?? snapshot.Tags;
            snapshot.ModifiedAt = fake.Store.Now;
            return InstanceJson.Result(StatusCodes.Status200OK, new JsonObject { ["snapshot"] = InstanceJson.Snapshot(snapshot) });
        }
    }

    public static async Task<IResult> ExportAsync(HttpContext context, ScalewayFake fake, string zone, string id)
    {
        if (ScalewayIds.CheckZoneAndId(ScalewayApi.Instance, zone, "snapshot_id", id) is { } invalidPath)
        {
            return invalidPath;
        }

        var (body, unreadable) = await ScalewayRequestBody.ReadAsync(context, ScalewayApi.Instance);
        if (body is null)
        {
            return unreadable!;
        }

        var bucket = RequiredString(body, "bucket");
        var key = RequiredString(body, "key");
        if (body.ProblemsResult() is { } invalid)
        {
            return invalid;
        }

        InstanceSnapshot snapshot;
        DateTimeOffset now;
        bool fails;
        lock (fake.Store.Gate)
        {
            var found = fake.Store.FindInstanceSnapshot(ScalewayTenant.Of(context), zone, id);
            if (found is null)
            {
                return InstanceSnapshotEndpoints.SnapshotNotFound(id);
            }

            if (Unexportable(found) is { } refused)
            {
                return refused;
            }

            snapshot = found;
            now = fake.Store.Now;
            fails = fake.Store.TakeFailure();
            // UNVERIFIED: the reference records no failed export; an injected failure ends it in "error".
            snapshot.Begin("exporting", now, fake.Timings.ExportDelay, fails ? "error" : "available", fails ? "the export to object storage failed" : null);
        }

        // The image is written while the snapshot reads "exporting" (so it exists once it is "available" again).
        if (!fails && await ScalewayObjectStorage.PutExportAsync(fake.Storage, bucket, key, snapshot.Id, snapshot.Size) is { } problem)
        {
            lock (fake.Store.Gate)
            {
                snapshot.Abandon("available", fake.Store.Now);
            }

            // UNVERIFIED: how Scaleway refuses a bucket it cannot write to; the fake names the bucket argument.
            return ScalewayErrors.InvalidArgument(ScalewayApi.Instance, "bucket", "constraint", problem);
        }

        var objectUrl = $"https://s3.{ScalewayZones.RegionOf(zone)}.scw.cloud/{bucket}/{key}";
        return InstanceJson.Result(StatusCodes.Status202Accepted, new JsonObject
        {
            ["task"] = InstanceJson.Task(zone, $"/snapshots/{snapshot.Id}/export", objectUrl, now),
        });
    }

    // UNVERIFIED: exporting a snapshot that is not available. Transient states answer 409 transient_state
    // like DELETE; failed snapshots answer 412 precondition_failed (resource_not_usable).
    private static IResult? Unexportable(InstanceSnapshot snapshot) => snapshot switch
    {
        { IsTransient: true } => ScalewayErrors.TransientState(ScalewayApi.Instance, InstanceSnapshot.Resource, snapshot.Id, snapshot.State),
        { State: not "available" } => ScalewayErrors.PreconditionFailed(ScalewayApi.Instance, "resource_not_usable",
            $"snapshot is in state {snapshot.State} and cannot be exported"),
        _ => null,
    };

    private static string RequiredString(ScalewayRequestBody body, string name)
    {
        var value = body.String(name);
        if (string.IsNullOrEmpty(value) && !body.HasProblemWith(name))
        {
            body.Problem(name, "required", "required key not provided");
        }

        return value ?? "";
    }

    /// <summary>Type-checks the rest of a SetSnapshot body so a malformed PUT is still rejected.</summary>
    private static void ReadIgnoredSetFields(ScalewayRequestBody body)
    {
        body.Uuid("id");
        body.Uuid("organization");
        body.Uuid("project");
        body.String("volume_type");
        body.Integer("size");
        body.String("state");
        body.String("creation_date");
        body.String("modification_date");
    }
}
