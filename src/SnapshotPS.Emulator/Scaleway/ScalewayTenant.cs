namespace SnapshotPS.Emulator.Scaleway;

/// <summary>What a secret key grants: one project of one organization.</summary>
internal sealed record ScalewayTenant(string SecretKey, string ProjectId, string OrganizationId)
{
    private const string ItemKey = "scaleway.tenant";

    public static ScalewayTenant Of(HttpContext context) =>
        context.Items[ItemKey] as ScalewayTenant ?? throw new InvalidOperationException("The Scaleway auth filter did not run.");

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
