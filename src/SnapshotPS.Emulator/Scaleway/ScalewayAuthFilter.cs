namespace SnapshotPS.Emulator.Scaleway;

/// <summary>X-Auth-Token must carry a known secret key (a UUID); the key's tenant rides along in HttpContext.Items.</summary>
internal sealed class ScalewayAuthFilter(ScalewayFake fake) : IEndpointFilter
{
    public const string HeaderName = "X-Auth-Token";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var token = context.HttpContext.Request.Headers[HeaderName].ToString().Trim();
        if (ScalewayIds.Normalize(token) is null)
        {
            return ValueTask.FromResult<object?>(ScalewayErrors.DeniedAuthentication("invalid_argument"));
        }

        var tenant = fake.FindTenant(token);
        if (tenant is null)
        {
            return ValueTask.FromResult<object?>(ScalewayErrors.DeniedAuthentication("not_found"));
        }

        tenant.AttachTo(context.HttpContext);
        return next(context);
    }
}
