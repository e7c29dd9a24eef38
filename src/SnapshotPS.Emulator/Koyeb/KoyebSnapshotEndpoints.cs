using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Koyeb;

/// <summary>/v1/snapshots and /v1/snapshots/{id} (reference §3, §10). Every success is 200.</summary>
internal static class KoyebSnapshotEndpoints
{
    public const int MinNameLength = 2;
    public const int MaxNameLength = 63;

    public static void Map(RouteGroupBuilder group, KoyebFake fake)
    {
        group.MapGet("/v1/snapshots", (HttpContext context) => KoyebSnapshotList.List(context, fake));
        group.MapPost("/v1/snapshots", (Delegate)((HttpContext context) => CreateAsync(context, fake)));
        group.MapGet("/v1/snapshots/{id}", (HttpContext context, string id) => Get(context, fake, id));
        group.MapPost("/v1/snapshots/{id}", (HttpContext context, string id) => UpdateAsync(context, fake, id));
        group.MapDelete("/v1/snapshots/{id}", (HttpContext context, string id) => Delete(context, fake, id));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, KoyebFake fake)
    {
        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            return KoyebErrors.InvalidArgument("body", "must be a JSON object");
        }

        var problems = new List<(string, string)>();
        var volumeId = Text(body, "parent_volume_id", problems);
        var name = Text(body, "name", problems);
        var projectId = Text(body, "project_id", problems);
        if (string.IsNullOrWhiteSpace(volumeId)) problems.Add(("parent_volume_id", "cannot be blank"));
        else if (!KoyebFake.IsUuid(volumeId)) problems.Add(("parent_volume_id", "must be a valid UUID"));
        CheckName(name, required: true, problems);
        if (!string.IsNullOrEmpty(projectId) && !KoyebFake.IsUuid(projectId)) problems.Add(("project_id", "must be a valid UUID"));
        if (problems.Count > 0)
        {
            return KoyebErrors.InvalidArgument(problems);
        }

        var organization = KoyebAuthFilter.OrganizationOf(context);
        lock (fake.Store.Gate)
        {
            fake.Store.SettleDue();
            if (!fake.Store.Volumes.TryGetValue(volumeId!, out var volume) || volume.OrganizationId != organization)
            {
                return KoyebErrors.NotFound("Volume");
            }

            var now = fake.Store.Now;
            var snapshot = new KoyebSnapshotRecord
            {
                Id = Guid.NewGuid().ToString(), Name = name!, Size = volume.MaxSize, CreatedAt = now, UpdatedAt = now,
                OrganizationId = organization, ParentVolumeId = volume.Id, Region = volume.Region,
                Status = KoyebStatus.Creating, Type = KoyebStatus.Local, ProjectId = string.IsNullOrEmpty(projectId) ? null : projectId,
                Sequence = fake.Store.NextSequence(),
            };
            fake.Store.Add(snapshot);
            fake.Store.BeginCreate(snapshot);
            return KoyebJson.Reply(snapshot);
        }
    }

    private static IResult Get(HttpContext context, KoyebFake fake, string id) =>
        WithSnapshot(context, fake, id, KoyebJson.Reply);

    /// <summary>Only name changes anything; unknown fields are ignored, as gateway-style servers do (UNVERIFIED).</summary>
    private static async Task<IResult> UpdateAsync(HttpContext context, KoyebFake fake, string id)
    {
        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            return KoyebErrors.InvalidArgument("body", "must be a JSON object");
        }

        var problems = new List<(string, string)>();
        var name = Text(body, "name", problems);
        CheckName(name, required: false, problems);
        if (problems.Count > 0)
        {
            return KoyebErrors.InvalidArgument(problems);
        }

        return WithSnapshot(context, fake, id, snapshot =>
        {
            // UNVERIFIED which statuses allow a rename: the fake refuses it only once deletion has begun.
            if (snapshot.Status == KoyebStatus.Deleting)
            {
                return KoyebErrors.InvalidArgument([], "Snapshot is being deleted");
            }

            if (!string.IsNullOrEmpty(name))
            {
                snapshot.Name = name;
                snapshot.UpdatedAt = fake.Store.Now;
            }

            return KoyebJson.Reply(snapshot);
        });
    }

    /// <summary>200 with the snapshot DELETING; a second delete while it is DELETING is 400 (a choice, UNVERIFIED).</summary>
    private static IResult Delete(HttpContext context, KoyebFake fake, string id) =>
        WithSnapshot(context, fake, id, snapshot =>
        {
            if (snapshot.Status == KoyebStatus.Deleting)
            {
                return KoyebErrors.InvalidArgument([], "Snapshot is already being deleted");
            }

            fake.Store.BeginDelete(snapshot);
            return KoyebJson.Reply(snapshot);
        });

    /// <summary>A malformed id is 400 invalid_argument (a choice, UNVERIFIED); an unknown or foreign one 404.</summary>
    private static IResult WithSnapshot(HttpContext context, KoyebFake fake, string id, Func<KoyebSnapshotRecord, IResult> act)
    {
        if (!KoyebFake.IsUuid(id))
        {
            return KoyebErrors.InvalidArgument("id", "must be a valid UUID");
        }

        var organization = KoyebAuthFilter.OrganizationOf(context);
        lock (fake.Store.Gate)
        {
            fake.Store.SettleDue();
            var snapshot = fake.Store.Find(organization, id);
            return snapshot is null ? KoyebErrors.NotFound("Snapshot") : act(snapshot);
        }
    }

    private static void CheckName(string? name, bool required, List<(string, string)> problems)
    {
        if (name is null || name.Length == 0)
        {
            if (required) problems.Add(("name", "cannot be blank"));
        }
        else if (name.Length is < MinNameLength or > MaxNameLength)
        {
            problems.Add(("name", $"the length must be between {MinNameLength} and {MaxNameLength}"));
        }
    }

    /// <summary>A string field; null when absent or JSON null; a problem when of another type.</summary>
    private static string? Text(JsonObject body, string name, List<(string, string)> problems)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue(out string? text))
        {
            return text;
        }

        problems.Add((name, "must be a string"));
        return null;
    }

    /// <summary>An empty body reads as {}; null when the body is not a JSON object.</summary>
    private static async Task<JsonObject?> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
