namespace SnapshotPS.Emulator.Scaleway.Block;

/// <summary>Block snapshot create, import-from-object-storage and export-to-object-storage: all 200 with the bare object.</summary>
internal static class BlockSnapshotCreate
{
    private const long DefaultImportSize = 10_000_000_000;

    public static async Task<IResult> CreateAsync(HttpContext context, ScalewayFake fake, string zone)
    {
        var (body, error) = await ReadAsync(context, zone);
        if (body is null)
        {
            return error!;
        }

        var volumeId = body.Uuid("volume_id");
        if (!body.Has("volume_id"))
        {
            body.Problem("volume_id", "required", "required key not provided");
        }

        var common = ReadCommon(body);
        var tenant = ScalewayTenant.Of(context);
        if ((body.ProblemsResult() ?? ScalewayOwnership.Check(ScalewayApi.Block, tenant, common.ProjectId, null, BlockSnapshot.Resource)) is { } refused)
        {
            return refused;
        }

        lock (fake.Store.Gate)
        {
            // UNVERIFIED: a volume unknown to the Block API answers 404 with resource "volume".
            var volume = fake.Store.FindBlockVolume(tenant, zone, volumeId!);
            if (volume is null)
            {
                return ScalewayErrors.NotFound(ScalewayApi.Block, BlockVolume.Resource, volumeId!);
            }

            var snapshot = Add(fake, tenant, zone, common, volume.Size, volume, fake.Timings.BlockCreateDelay);
            return BlockJson.Result(StatusCodes.Status200OK, BlockJson.Snapshot(snapshot));
        }
    }

    public static async Task<IResult> ImportAsync(HttpContext context, ScalewayFake fake, string zone)
    {
        var (body, error) = await ReadAsync(context, zone);
        if (body is null)
        {
            return error!;
        }

        RequiredString(body, "bucket");
        RequiredString(body, "key");
        var size = body.Integer("size");
        if (size is <= 0)
        {
            body.Problem("size", "constraint", "size must be positive");
        }

        var common = ReadCommon(body);
        var tenant = ScalewayTenant.Of(context);
        if ((body.ProblemsResult() ?? ScalewayOwnership.Check(ScalewayApi.Block, tenant, common.ProjectId, null, BlockSnapshot.Resource)) is { } refused)
        {
            return refused;
        }

        lock (fake.Store.Gate)
        {
            var snapshot = Add(fake, tenant, zone, common, size ?? DefaultImportSize, null, fake.Timings.ImportDelay);
            return BlockJson.Result(StatusCodes.Status200OK, BlockJson.Snapshot(snapshot));
        }
    }

    public static async Task<IResult> ExportAsync(HttpContext context, ScalewayFake fake, string zone, string id)
    {
        if (ScalewayIds.CheckZoneAndId(ScalewayApi.Block, zone, "snapshot_id", id) is { } invalidPath)
        {
            return invalidPath;
        }

        var (body, error) = await ScalewayRequestBody.ReadAsync(context, ScalewayApi.Block);
        if (body is null)
        {
            return error!;
        }

        RequiredString(body, "bucket");
        RequiredString(body, "key");
        if (body.ProblemsResult() is { } invalid)
        {
            return invalid;
        }

        lock (fake.Store.Gate)
        {
            var snapshot = fake.Store.FindBlockSnapshot(ScalewayTenant.Of(context), zone, id);
            if (snapshot is null)
            {
                return BlockSnapshotEndpoints.SnapshotNotFound(id);
            }

            // UNVERIFIED: exporting a snapshot that is not available (409 while transient, 412 otherwise).
            if (snapshot.IsTransient)
            {
                return ScalewayErrors.TransientState(ScalewayApi.Block, BlockSnapshot.Resource, snapshot.Id, snapshot.State);
            }

            if (snapshot.State != "available")
            {
                return ScalewayErrors.PreconditionFailed(ScalewayApi.Block, "resource_not_usable", $"snapshot is {snapshot.State}");
            }

            snapshot.Begin("exporting", fake.Store.Now, fake.Timings.ExportDelay, "available");
            return BlockJson.Result(StatusCodes.Status200OK, BlockJson.Snapshot(snapshot));
        }
    }

    private static BlockSnapshot Add(ScalewayFake fake, ScalewayTenant tenant, string zone, CommonFields common, long size, BlockVolume? volume, TimeSpan delay)
    {
        var store = fake.Store;
        var now = store.Now;
        var snapshot = new BlockSnapshot
        {
            Id = ScalewayIds.New(),
            Zone = zone,
            ProjectId = tenant.ProjectId,
            OrganizationId = tenant.OrganizationId,
            CreatedAt = now,
            ModifiedAt = now,
            Sequence = store.NextSequence(),
            // UNVERIFIED: the server's default name; the SDKs generate one when the caller gives none.
            Name = string.IsNullOrEmpty(common.Name) ? ScalewayIds.RandomSnapshotName() : common.Name,
            Size = size,
            ParentVolume = volume,
            Tags = common.Tags ?? [],
            Public = common.Public ?? false,
            State = "creating",
        };
        var fails = store.TakeFailure();
        snapshot.Begin("creating", now, delay, fails ? "error" : "available", fails ? "snapshot creation failed" : null);
        store.BlockSnapshots.Add(snapshot.Id, snapshot);
        return snapshot;
    }

    private static async Task<(ScalewayRequestBody? Body, IResult? Error)> ReadAsync(HttpContext context, string zone)
    {
        if (ScalewayZones.Check(ScalewayApi.Block, zone) is { } badZone)
        {
            return (null, badZone);
        }

        return await ScalewayRequestBody.ReadAsync(context, ScalewayApi.Block);
    }

    private static CommonFields ReadCommon(ScalewayRequestBody body) =>
        new(body.String("name"), body.Uuid("project_id"), body.StringList("tags"), body.Boolean("public"));

    private static void RequiredString(ScalewayRequestBody body, string name)
    {
        if (string.IsNullOrEmpty(body.String(name)) && !body.HasProblemWith(name))
        {
            body.Problem(name, "required", "required key not provided");
        }
    }

    private sealed record CommonFields(string? Name, string? ProjectId, List<string>? Tags, bool? Public);
}
