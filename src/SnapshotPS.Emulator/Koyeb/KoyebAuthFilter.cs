namespace SnapshotPS.Emulator.Koyeb;

/// <summary>
/// Authorization must be "Bearer &lt;token&gt;" with a token the fake knows; the token's organization rides
/// along in HttpContext.Items. Anything else is 401 authentication_error (reference §10).
/// </summary>
internal sealed class KoyebAuthFilter(KoyebFake fake) : IEndpointFilter
{
    private const string ItemKey = "koyeb.organization";

    public static string OrganizationOf(HttpContext context) =>
        context.Items[ItemKey] as string ?? throw new InvalidOperationException("The Koyeb auth filter did not run.");

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var token = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
        var organization = token.Length == 0 ? null : fake.OrganizationOf(token);
        if (organization is null)
        {
            return ValueTask.FromResult<object?>(KoyebErrors.Unauthenticated());
        }

        context.HttpContext.Items[ItemKey] = organization;
        return next(context);
    }
}
