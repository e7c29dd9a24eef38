using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>POST /snapshots (reference B.3): the schema, the volume's status rules with force and 3.66, quotas, then 202 "creating".</summary>
internal static class SnapshotCreate
{
    private static readonly HashSet<string> Allowed = ["volume_id", "name", "display_name", "description", "force", "metadata"];

    public static IResult Create(CinderCall call, JsonNode? body)
    {
        if (body is not JsonObject root || root["snapshot"] is not JsonObject snapshot)
        {
            return CinderValidation.Invalid("snapshot", body, "'snapshot' is a required property");
        }

        if (root.Select(pair => pair.Key).FirstOrDefault(key => key != "snapshot") is { } extraRoot)
        {
            return CinderValidation.Unexpected("root", root, extraRoot);
        }

        if (snapshot.Select(pair => pair.Key).FirstOrDefault(key => !Allowed.Contains(key)) is { } extra)
        {
            return CinderValidation.Unexpected("snapshot", snapshot, extra);
        }

        if (!snapshot.ContainsKey("volume_id")) return CinderValidation.Invalid("snapshot", snapshot, "'volume_id' is a required property");
        var volumeId = CinderJson.Text(snapshot["volume_id"]);
        if (snapshot["volume_id"] is not null && OpenStackIds.NormalizeUuid(volumeId) is null)
        {
            return CinderValidation.Invalid("volume_id", snapshot["volume_id"], $"{snapshot["volume_id"]!.ToJsonString()} is not a 'uuid'");
        }

        foreach (var field in new[] { "name", "display_name", "description" })
        {
            if (CinderValidation.ShortText(field, snapshot[field]) is { } invalid) return invalid;
        }

        bool? force = null;
        if (snapshot.ContainsKey("force"))
        {
            force = CinderValidation.BooleanLike(snapshot["force"], out var badForce);
            if (badForce is not null) return badForce;
        }

        var metadata = CinderValidation.Metadata(snapshot["metadata"], allowSlash: true, allowNull: true, out var badMetadata);
        if (metadata is null) return badMetadata!;

        var volume = volumeId is null ? null : call.FindVolume(OpenStackIds.NormalizeUuid(volumeId)!);
        if (volume is null) return CinderErrors.NotFound($"Volume {volumeId ?? "None"} could not be found.");
        if (VolumeRefusal(call.Version, volume, force) is { } refused) return refused;
        if (QuotaRefusal(call, volume) is { } overQuota) return overQuota;

        // The snapshot belongs to the caller's project (context.project_id), even when an admin snapshots another project's volume.

        var created = new CinderSnapshot
        {
            Id = OpenStackIds.NewUuid(), Region = call.Region, ProjectId = call.ProjectId, UserId = call.Token.User.Id, VolumeId = volume.Id,
            SizeGiB = volume.SizeGiB, CreatedAt = call.Now, Name = CinderJson.Text(snapshot["name"]) ?? CinderJson.Text(snapshot["display_name"]),
            Description = CinderJson.Text(snapshot["description"]), Status = "creating", Progress = "0%", Metadata = metadata,
        };
        call.Store.Add(created);
        call.Store.Begin(created, "creating", call.Now + call.Fake.Timings.SnapshotDelay, call.Store.TakeCreateFailure() ? "error" : "available");
        return new OpenStackReply(StatusCodes.Status202Accepted, new JsonObject { ["snapshot"] = CinderJson.Detail(created, call.Version, extended: false) });
    }

    /// <summary>Before 3.66: available, or in-use with force. From 3.66: in-use always, force true ignored, force false refused.</summary>
    private static OpenStackReply? VolumeRefusal(int version, CinderVolume volume, bool? force)
    {
        if (version >= 66)
        {
            if (force == false)
            {
                return CinderErrors.BadRequest("Since microversion 3.66 the 'force' flag is invalid for this request. For backward compatibility, " +
                    "however, when the 'force' flag is passed with a value evaluating to True, it is silently ignored.");
            }

            return volume.Status is "available" or "in-use"
                ? null
                : CinderErrors.BadRequest($"Invalid volume: Volume {volume.Id} status must be available or in-use, but current status is: {volume.Status}.");
        }

        if (force == true)
        {
            return volume.Status is "available" or "in-use"
                ? null
                : CinderErrors.BadRequest($"Invalid volume: Volume {volume.Id} status must be available or in-use, but current status is: {volume.Status}.");
        }

        return volume.Status == "available"
            ? null
            : CinderErrors.BadRequest($"Invalid volume: Volume {volume.Id} status must be available, but current status is: {volume.Status}.");
    }

    private static OpenStackReply? QuotaRefusal(CinderCall call, CinderVolume volume)
    {
        if (!call.Store.Quotas.TryGetValue(call.ProjectId, out var quota)) return null;
        var (count, gigabytes) = call.Store.Usage(call.Region, call.ProjectId);
        if (quota.Snapshots >= 0 && count + 1 > quota.Snapshots)
        {
            return CinderErrors.OverQuota($"SnapshotLimitExceeded: Maximum number of snapshots allowed ({quota.Snapshots}) exceeded");
        }

        if (quota.Gigabytes >= 0 && gigabytes + volume.SizeGiB > quota.Gigabytes)
        {
            return CinderErrors.OverQuota("VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. " +
                $"Requested {volume.SizeGiB}G, quota is {quota.Gigabytes}G and {gigabytes}G has been consumed.");
        }

        return null;
    }
}
