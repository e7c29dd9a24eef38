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

        var bucket = RequiredString(body, "bucket");
        var key = RequiredString(body, "key");
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

        // The Block API refuses an image it cannot take when asked (reference 3.2: "The provided QCOW2 file is
        // encrypted", invalid_request_error). UNVERIFIED: that a missing bucket or object is refused the same way.
        var source = await ScalewayObjectStorage.InspectAsync(fake.Storage, bucket, key, context.RequestAborted);
        if (source.Problem is { } problem)
        {
            return ScalewayErrors.InvalidRequest(ScalewayApi.Block, problem);
        }

        lock (fake.Store.Gate)
        {
            var snapshot = Add(fake, tenant, zone, common, size ?? source.VirtualSize ?? DefaultImportSize, null, fake.Timings.ImportDelay);
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

        var bucket = RequiredString(body, "bucket");
        var key = RequiredString(body, "key");
        if (body.ProblemsResult() is { } invalid)
        {
            return invalid;
        }

        BlockSnapshot snapshot;
        bool fails;
        System.Text.Json.Nodes.JsonNode reply;
        lock (fake.Store.Gate)
        {
            var found = fake.Store.FindBlockSnapshot(ScalewayTenant.Of(context), zone, id);
            if (found is null)
            {
                return BlockSnapshotEndpoints.SnapshotNotFound(id);
            }

            // UNVERIFIED: exporting a snapshot that is not available (409 while transient, 412 otherwise).
            if (found.IsTransient)
            {
                return ScalewayErrors.TransientState(ScalewayApi.Block, BlockSnapshot.Resource, found.Id, found.State);
            }

            if (found.State != "available")
            {
                return ScalewayErrors.PreconditionFailed(ScalewayApi.Block, "resource_not_usable", $"snapshot is {found.State}");
            }

            snapshot = found;
            fails = fake.Store.TakeFailure();
            // UNVERIFIED: the reference records no failed export; an injected failure ends it in "error".
            snapshot.Begin("exporting", fake.Store.Now, fake.Timings.ExportDelay, fails ? "error" : "available", fails ? "the export to object storage failed" : null);
            reply = BlockJson.Snapshot(snapshot);
        }

        // The image is written while the snapshot reads "exporting" (so it exists once it is "available" again).
        if (!fails && await ScalewayObjectStorage.PutExportAsync(fake.Storage, bucket, key, snapshot.Id, snapshot.Size) is { } problem)
        {
            lock (fake.Store.Gate)
            {
                snapshot.Abandon("available", fake.Store.Now);
            }

            // UNVERIFIED: how Scaleway refuses a bucket it cannot write to; the fake names the bucket argument.
            return ScalewayErrors.InvalidArgument(ScalewayApi.Block, "bucket", "constraint", problem);
        }

        return BlockJson.Result(StatusCodes.Status200OK, reply);
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

    private static string RequiredString(ScalewayRequestBody body, string name)
    {
        var value = body.String(name);
        if (string.IsNullOrEmpty(value) && !body.HasProblemWith(name))
        {
            body.Problem(name, "required", "required key not provided");
        }

        return value ?? "";
    }

    private sealed record CommonFields(string? Name, string? ProjectId, List<string>? Tags, bool? Public);
}
