using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.CloudMC;

/// <summary>
/// POST .../snapshots?operation=create {volumeId, name?, rapid?} and POST
/// .../volumes/{id}?operation=createSnapshotFromVolume {"snapshot": {name?, rapid?}} (reference §3.3, §9).
/// Both answer 200 with a PENDING task; the snapshot is Creating at once.
/// </summary>
internal static class CloudMCSnapshotCreate
{
    public static void Map(RouteGroupBuilder group, CloudMCFake fake)
    {
        group.MapPost(CloudMCSnapshotEndpoints.Environment + "/snapshots",
            (HttpContext context, string version, string service, string environment) => CreateAsync(context, fake, version, service, environment, null));
        group.MapPost(CloudMCSnapshotEndpoints.Environment + "/volumes/{volumeId}",
            (HttpContext context, string version, string service, string environment, string volumeId) => CreateAsync(context, fake, version, service, environment, volumeId));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, CloudMCFake fake, string version, string service, string environment, string? pathVolumeId)
    {
        var (key, problem) = CloudMCRoute.Environment(context, fake, version, service, environment);
        if (problem is not null) return problem;
        var operation = context.Request.Query["operation"].ToString();
        // UNVERIFIED whether a POST without ?operation=create works: it is accepted as a create.
        var expected = pathVolumeId is null ? "create" : "createSnapshotFromVolume";
        if (!(operation == expected || (pathVolumeId is null && operation.Length == 0)))
        {
            return CloudMCErrors.Error(fake.Dialect, StatusCodes.Status400BadRequest, CloudMCError.UnknownOperation,
                $"Unknown operation '{operation}' on {(pathVolumeId is null ? "snapshots" : "volumes")}; expected {expected}");
        }

        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
                ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return CloudMCErrors.Invalid(fake.Dialect, "body", "The request body must be a JSON object");
        }

        var fields = pathVolumeId is null ? body : body["snapshot"] as JsonObject ?? [];
        var volumeId = pathVolumeId ?? (body["volumeId"] is JsonValue v && v.TryGetValue(out string? text) ? text : null);
        if (volumeId is null)
        {
            return body.ContainsKey("volumeId")
                ? CloudMCErrors.Invalid(fake.Dialect, "volumeId", "volumeId must be a string")
                : CloudMCErrors.Error(fake.Dialect, StatusCodes.Status400BadRequest, CloudMCError.MissingParameter, "volumeId is required",
                    new JsonObject { ["field"] = "volumeId" });
        }

        if (!Guid.TryParse(volumeId, out _)) return CloudMCErrors.Invalid(fake.Dialect, "volumeId", $"volumeId '{volumeId}' is not a UUID");
        string? name = null;
        if (fields["name"] is { } nameNode && (nameNode is not JsonValue nameValue || !nameValue.TryGetValue(out name) || name.Trim().Length == 0))
            return CloudMCErrors.Invalid(fake.Dialect, "name", "name must be a non-empty string");
        bool rapid = false;
        if (fields["rapid"] is { } rapidNode && (rapidNode is not JsonValue rapidValue || !rapidValue.TryGetValue(out rapid)))
            return CloudMCErrors.Invalid(fake.Dialect, "rapid", "rapid must be true or false");

        lock (fake.Store.Gate)
        {
            fake.Store.Settle(fake.Timings.TaskRetention);
            var volume = fake.Store.Volumes.GetValueOrDefault(volumeId);
            if (volume is null || volume.Environment != key) return CloudMCErrors.NotFound(fake.Dialect, "volumes", volumeId);
            if (volume.State != "Ready") return CloudMCErrors.WrongState(fake.Dialect, "volumes", volume.Id, volume.State, "Ready");
            var now = fake.Store.Now;
            name ??= $"{volume.InstanceName}_{volume.Name}_{now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
            if (fake.Store.IsNameTaken(key!, name))
            {
                return CloudMCErrors.Error(fake.Dialect, StatusCodes.Status400BadRequest, CloudMCError.DuplicateName,
                    $"A snapshot named {name} already exists", new JsonObject { ["field"] = "name", ["name"] = name });
            }

            var timings = fake.Timings;
            var snapshot = new CloudMCSnapshot
            {
                Id = Guid.NewGuid().ToString(), Environment = key!, Name = name, Volume = volume, Sequence = fake.Store.NextSequence(),
                Rapid = rapid, Fails = fake.Store.TakeFailure(),
                CreatingUntil = now + timings.CreatingDelay, BackingUpUntil = now + timings.CreatingDelay + (rapid ? TimeSpan.Zero : timings.BackingUpDelay),
            };
            fake.Store.Add(snapshot, listNow: fake.Dialect.ListWhileCreating);
            var task = new CloudMCTask
            {
                Id = Guid.NewGuid().ToString(), OrganizationId = key!.OrganizationId, Kind = CloudMCTaskKind.CreateSnapshot,
                Snapshot = snapshot, Created = now, FailureStatus = fake.Dialect.TaskFailureStatus,
            };
            fake.Store.Tasks.Add(task.Id, task);
            return CloudMCJson.Accepted(task);
        }
    }
}
