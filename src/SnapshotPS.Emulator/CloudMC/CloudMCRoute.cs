namespace SnapshotPS.Emulator.CloudMC;

/// <summary>The {version}/services/{service_code}/{environment_name} part of a path, checked (reference §2).</summary>
internal static class CloudMCRoute
{
    /// <summary>The API versions served: /api/v2, and /api/v1 of older deployments.</summary>
    public static readonly IReadOnlyList<string> Versions = ["v1", "v2"];

    public static bool IsVersion(string version) => Versions.Contains(version, StringComparer.OrdinalIgnoreCase);

    /// <summary>The environment the path names in the caller's organization, or the 404 to answer.</summary>
    public static (CloudMCEnvironmentKey? Key, IResult? Problem) Environment(HttpContext context, CloudMCFake fake, string version, string service, string environment)
    {
        if (!IsVersion(version)) return (null, CloudMCErrors.UnknownPath(fake.Dialect, context.Request.Path));
        var key = CloudMCEnvironmentKey.Of(CloudMCAuthFilter.OrganizationOf(context), service, environment);
        lock (fake.Store.Gate)
        {
            if (fake.Store.Environments.Contains(key)) return (key, null);
            var serviceKnown = fake.Store.Environments.Any(known => known.OrganizationId == key.OrganizationId && known.ServiceCode == key.ServiceCode);
            return (null, CloudMCErrors.Error(fake.Dialect, StatusCodes.Status404NotFound, CloudMCError.NotFound,
                serviceKnown ? $"No environment named {environment} in service {service}" : $"No service connection with code {service}",
                new System.Text.Json.Nodes.JsonObject { ["type"] = serviceKnown ? "environments" : "serviceConnections", ["id"] = serviceKnown ? environment : service }));
        }
    }
}
