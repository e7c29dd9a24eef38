using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

public sealed class ScalewayConnectionSettings : ConnectionSettings
{
    public const string DefaultZone = "fr-par-1";

    public override CloudProvider Provider => CloudProvider.Scaleway;

    /// <summary>The API key's secret part, sent as X-Auth-Token.</summary>
    public SecretValue? SecretKey { get; set; }

    /// <summary>The API key's public part (SCW...); shown, never sent.</summary>
    public string? AccessKey { get; set; }

    public string Zone { get; set; } = DefaultZone;
    public string? ProjectId { get; set; }
    public string? OrganizationId { get; set; }

    public override string? DefaultLocation => Zone;
    public override string? Scope => ProjectId ?? OrganizationId;

    public override void Validate()
    {
        if (SecretKey is null)
            throw InputValidation.Invalid("SecretKey", "Scaleway needs an API secret key (-SecretKey, -Credential, SCW_SECRET_KEY or a scw config profile).");
        if (!ScalewayIds.IsUuid(SecretKey.Reveal()))
            throw InputValidation.Invalid("SecretKey", "a Scaleway secret key is a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx); the access key (SCW...) is not the secret key.");
        ScalewayIds.RequireZone(Zone, "Zone");
        if (ProjectId is not null) ScalewayIds.Require(ProjectId, "ProjectId", "project id");
        if (OrganizationId is not null) ScalewayIds.Require(OrganizationId, "OrganizationId", "organization id");
        if (ProjectId is null && OrganizationId is null)
            throw InputValidation.Invalid("ProjectId", "Scaleway needs a project id (or an organization id) to create snapshots in and list from.");
        ValidateCommon();
    }
}
