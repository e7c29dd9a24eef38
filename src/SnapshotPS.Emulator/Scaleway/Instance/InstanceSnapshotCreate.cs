using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Scaleway.Instance;

/// <summary>POST /snapshots: from a volume (volume_id) or an import of a QCOW2 object (bucket + key), reference 3.2.</summary>
internal static class InstanceSnapshotCreate
{
    /// <summary>Observed size of an import whose body gives none (the QCOW2's virtual size), used when no object storage is configured.</summary>
    internal const long DefaultImportSize = 10_000_000_000;

    private static readonly string[] CreatableVolumeTypes = ["unknown_volume_type", "l_ssd", "b_ssd", "unified"];

    public static async Task<IResult> CreateAsync(HttpContext context, ScalewayFake fake, string zone)
    {
        if (ScalewayZones.Check(ScalewayApi.Instance, zone) is { } badZone)
        {
            return badZone;
        }

        var (body, unreadable) = await ScalewayRequestBody.ReadAsync(context, ScalewayApi.Instance);
        if (body is null)
        {
            return unreadable!;
        }

        var request = Read(body);
        if (body.ProblemsResult() is { } invalid)
        {
            return invalid;
        }

        var tenant = ScalewayTenant.Of(context);
        if (ScalewayOwnership.Check(ScalewayApi.Instance, tenant, request.Project, request.Organization, "snapshot") is { } denied)
        {
            return denied;
        }

        // UNVERIFIED: when Scaleway reads the object; the fake reads it now and lets a missing or unreadable
        // object end the import in "error", and an image it refuses in "invalid_data", both with error details.
        var source = request.VolumeId is null
            ? await ScalewayObjectStorage.InspectAsync(fake.Storage, request.Bucket!, request.Key!, context.RequestAborted)
            : null;
        lock (fake.Store.Gate)
        {
            InstanceVolume? volume = null;
            if (request.VolumeId is { } volumeId)
            {
                volume = fake.Store.FindInstanceVolume(tenant, zone, volumeId);
                if (volume is null)
                {
                    // UNVERIFIED for this call (observed on GET volume): resource "instance_volume".
                    return ScalewayErrors.NotFound(ScalewayApi.Instance, "instance_volume", volumeId);
                }
            }

            var snapshot = Create(fake, tenant, zone, request, volume, source);
            fake.Store.AddInstanceSnapshot(snapshot);
            return InstanceJson.Result(StatusCodes.Status201Created, new JsonObject
            {
                ["snapshot"] = InstanceJson.Snapshot(snapshot),
                ["task"] = InstanceJson.Task(zone, "/snapshots", "snapshots/" + snapshot.Id, snapshot.CreatedAt),
            });
        }
    }

    private static InstanceSnapshot Create(ScalewayFake fake, ScalewayTenant tenant, string zone, CreateRequest request, InstanceVolume? volume, ImportSource? source)
    {
        var store = fake.Store;
        var now = store.Now;
        var inheritType = request.VolumeType is null or "unknown_volume_type";
        var snapshot = new InstanceSnapshot
        {
            Id = ScalewayIds.New(),
            Zone = zone,
            ProjectId = tenant.ProjectId,
            OrganizationId = tenant.OrganizationId,
            CreatedAt = now,
            ModifiedAt = now,
            Sequence = store.NextSequence(),
            // UNVERIFIED: the server's default name; the SDKs send snp-<random> when the caller gives none.
            Name = string.IsNullOrEmpty(request.Name) ? ScalewayIds.RandomSnapshotName() : request.Name,
            // UNVERIFIED: an import with no volume_type is assumed to become l_ssd (the observed import sent l_ssd).
            VolumeType = inheritType ? volume?.VolumeType ?? "l_ssd" : request.VolumeType!,
            Size = volume?.Size ?? request.Size ?? source?.VirtualSize ?? DefaultImportSize,
            BaseVolume = volume is null ? null : (volume.Id, volume.Name),
            Tags = request.Tags ?? [],
            State = "snapshotting",
        };

        var fails = source?.Problem is null && store.TakeFailure();
        if (source?.Problem is { } problem)
        {
            snapshot.Begin("importing", now, fake.Timings.ImportDelay, source.BadImage ? "invalid_data" : "error", problem);
        }
        else if (volume is null)
        {
            snapshot.Begin("importing", now, fake.Timings.ImportDelay, fails ? "invalid_data" : "available",
                fails ? "The provided QCOW2 file is invalid" : null);
        }
        else
        {
            snapshot.Begin("snapshotting", now, fake.Timings.SnapshotDelay, fails ? "error" : "available",
                fails ? "snapshot creation failed" : null);
        }

        return snapshot;
    }

    private static CreateRequest Read(ScalewayRequestBody body)
    {
        var request = new CreateRequest(
            body.String("name"), body.Uuid("volume_id"), body.StringList("tags"), body.Uuid("project"), body.Uuid("organization"),
            body.String("volume_type"), body.String("bucket"), body.String("key"), body.Integer("size"));

        var importing = body.Has("bucket") || body.Has("key");
        if (importing && body.Has("volume_id"))
        {
            body.Problem("volume_id", "constraint", "volume_id cannot be combined with bucket and key");
        }
        else if (!importing && !body.Has("volume_id"))
        {
            body.Problem("volume_id", "required", "required key not provided");
        }

        if (importing && string.IsNullOrEmpty(request.Bucket) && !body.HasProblemWith("bucket"))
        {
            body.Problem("bucket", "required", "required key not provided");
        }

        if (importing && string.IsNullOrEmpty(request.Key) && !body.HasProblemWith("key"))
        {
            body.Problem("key", "required", "required key not provided");
        }

        if (body.Has("project") && body.Has("organization"))
        {
            body.Problem("project", "constraint", "precisely one of project, organization must be set");
        }

        if (request.Size is { } size && (size <= 0 || size % 512 != 0))
        {
            body.Problem("size", "constraint", "size must be a positive multiple of 512");
        }

        if (request.VolumeType is { } type && !CreatableVolumeTypes.Contains(type))
        {
            body.Problem("volume_type", "constraint", "must be one of " + string.Join(", ", CreatableVolumeTypes));
        }

        return request;
    }

    private sealed record CreateRequest(
        string? Name, string? VolumeId, List<string>? Tags, string? Project, string? Organization,
        string? VolumeType, string? Bucket, string? Key, long? Size);
}
