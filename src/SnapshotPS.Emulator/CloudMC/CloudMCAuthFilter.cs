namespace SnapshotPS.Emulator.CloudMC;

/// <summary>
/// MC-Api-Key must name a known key (else the dialect's 401 or 403); org_id, when given, must be the
/// key's organization or one of its sub-organizations (else 403). The organization acted in rides
/// along in HttpContext.Items.
/// </summary>
internal sealed class CloudMCAuthFilter(CloudMCFake fake) : IEndpointFilter
{
    public const string HeaderName = "MC-Api-Key";
    private const string OrganizationItem = "cloudmc.organization";

    public static string OrganizationOf(HttpContext context) => (string)context.Items[OrganizationItem]!;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[HeaderName].ToString().Trim();
        string? own;
        string? organization = http.Request.Query["org_id"].ToString();
        bool allowed;
        lock (fake.Store.Gate)
        {
            own = key.Length == 0 ? null : fake.Store.ApiKeys.GetValueOrDefault(key);
            organization = string.IsNullOrEmpty(organization) ? own : organization;
            allowed = own is not null && organization is not null && fake.Store.Organizations.ContainsKey(organization) && fake.Store.MayActIn(own, organization);
        }

        if (own is null) return ValueTask.FromResult<object?>(CloudMCErrors.Unauthenticated(fake.Dialect, missing: key.Length == 0));
        if (!allowed)
        {
            return ValueTask.FromResult<object?>(CloudMCErrors.Error(fake.Dialect, StatusCodes.Status403Forbidden, CloudMCError.Forbidden,
                $"The API key may not act in organization {organization}"));
        }

        http.Items[OrganizationItem] = organization;
        return next(context);
    }
}
