using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Koyeb;

public sealed class KoyebConnectionSettings : ConnectionSettings
{
    public override CloudProvider Provider => CloudProvider.Koyeb;

    /// <summary>The API token, sent as Authorization: Bearer.</summary>
    public SecretValue? Token { get; set; }

    /// <summary>The region listings are limited to (fra, was, ...); null lists every region.</summary>
    public string? Region { get; set; }

    /// <summary>The organization listings are limited to (organization_id); null leaves it to the token.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The project new snapshots are associated with (project_id), when given.</summary>
    public string? ProjectId { get; set; }

    public override string? DefaultLocation => Region;
    public override string? Scope => OrganizationId ?? "the token's organization";

    public override void Validate()
    {
        if (Token is null)
            throw InputValidation.Invalid("SecretKey", "Koyeb needs an API token (-SecretKey, the password of -Credential, KOYEB_TOKEN or the token in the koyeb CLI's config file ~/.koyeb.yaml).");
        if (!KoyebIds.IsToken(Token.Reveal()))
            throw InputValidation.Invalid("SecretKey", "a Koyeb API token is one word of visible characters, without spaces.");
        if (Region is not null) KoyebIds.RequireRegion(Region, "Region");
        if (OrganizationId is not null) KoyebIds.RequireUuid(OrganizationId, "OrganizationId", "organization id");
        if (ProjectId is not null) KoyebIds.RequireUuid(ProjectId, "ProjectId", "project id");
        ValidateCommon();
    }
}
