namespace SnapshotPS.Emulator.Scaleway;

/// <summary>Checks that a request creating something only names the caller's own project or organization.</summary>
internal static class ScalewayOwnership
{
    /// <summary>
    /// Null when allowed, else 403 permissions_denied. The new resource always lands in the token's project.
    /// UNVERIFIED: with neither project nor organization given the server is assumed to use the token's
    /// project (lenient), and organization alone to mean the token's project too.
    /// </summary>
    public static IResult? Check(ScalewayApi api, ScalewayTenant tenant, string? projectId, string? organizationId, string resource)
    {
        var foreignProject = projectId is not null && projectId != tenant.ProjectId;
        var foreignOrganization = organizationId is not null && organizationId != tenant.OrganizationId;
        return foreignProject || foreignOrganization ? ScalewayErrors.PermissionsDenied(api, "create", resource) : null;
    }
}
