using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.CloudMC;

/// <summary>GET /api/{version}/tasks/{id}: the dialect's task shape; 404 once forgotten (after TaskRetention) or for another organization.</summary>
internal static class CloudMCTaskEndpoints
{
    public static void Map(RouteGroupBuilder group, CloudMCFake fake)
    {
        group.MapGet("/api/{version}/tasks/{id}", (HttpContext context, string version, string id) =>
        {
            if (!CloudMCRoute.IsVersion(version)) return CloudMCErrors.UnknownPath(fake.Dialect, context.Request.Path);
            lock (fake.Store.Gate)
            {
                fake.Store.Settle(fake.Timings.TaskRetention);
                var task = fake.Store.Tasks.GetValueOrDefault(id);
                if (task is null || !string.Equals(task.OrganizationId, CloudMCAuthFilter.OrganizationOf(context), StringComparison.OrdinalIgnoreCase))
                    return CloudMCErrors.NotFound(fake.Dialect, "tasks", id);
                return CloudMCJson.Ok(CloudMCJson.Task(task, fake.Store.Now, fake.Dialect.WrappedTasks));
            }
        });
    }
}
