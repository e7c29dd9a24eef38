using System;
using System.Collections.Generic;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>
/// A Keystone v3 login and where to find Cinder. Endpoint is the auth URL (Keystone); Cinder's
/// endpoint comes from the token's catalog. The user and the project go by id, or by name with
/// their domain; an application credential goes by id, or by name with its user, and carries its
/// own project.
/// </summary>
public sealed class OpenStackConnectionSettings : ConnectionSettings
{
    public const string DefaultInterface = "public";
    private static readonly string[] Interfaces = { "public", "internal", "admin" };

    private readonly Dictionary<string, string> _origins = new(StringComparer.Ordinal);

    public override CloudProvider Provider => CloudProvider.OpenStack;

    public string? Username { get; set; }
    public string? UserId { get; set; }
    public SecretValue? Password { get; set; }
    public string? UserDomainName { get; set; }
    public string? UserDomainId { get; set; }

    public string? ProjectName { get; set; }
    public string? ProjectId { get; set; }
    public string? ProjectDomainName { get; set; }
    public string? ProjectDomainId { get; set; }

    /// <summary>A domain-scoped token instead of a project-scoped one.</summary>
    public string? DomainName { get; set; }
    public string? DomainId { get; set; }

    public string? ApplicationCredentialId { get; set; }
    public string? ApplicationCredentialName { get; set; }
    public SecretValue? ApplicationCredentialSecret { get; set; }

    /// <summary>The catalog region; null takes the only region the catalog has for Cinder.</summary>
    public string? Region { get; set; }

    /// <summary>The catalog interface: public (default), internal or admin.</summary>
    public string Interface { get; set; } = DefaultInterface;

    /// <summary>A PEM or DER file holding the CA certificate that signed the cloud's certificates (OS_CACERT).</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Lists every project's snapshots (all_tenants=1); Cinder honours it for admins only.</summary>
    public bool AllProjects { get; set; }

    /// <summary>How long before a token's expiry it is renewed (reference A.1: a few minutes early).</summary>
    public TimeSpan RenewBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock tokens are timed by; tests move it.</summary>
    internal Func<DateTimeOffset>? Clock { get; set; }

    public bool UsesApplicationCredential => ApplicationCredentialId is not null || ApplicationCredentialName is not null;

    public override string? DefaultLocation => Region;

    public override string? Scope =>
        UsesApplicationCredential ? "application credential " + (ApplicationCredentialName ?? ApplicationCredentialId)
        : ProjectName ?? ProjectId ?? ((DomainName ?? DomainId) is { } domain ? "domain " + domain : null);

    /// <summary>Records where a setting came from ("-ProjectName", "OS_PROJECT_NAME", "clouds.yaml ..."), for errors.</summary>
    public void SetOrigin(string setting, string origin) => _origins[setting] = origin;

    /// <summary>Where a setting came from; the parameter's own name when nothing was recorded.</summary>
    public string OriginOf(string setting) => _origins.TryGetValue(setting, out var origin) ? origin : "-" + setting;

    public override void Validate()
    {
        if (Endpoint is null)
            throw InputValidation.Invalid("Endpoint", "OpenStack needs the Keystone auth URL (-Endpoint, OS_AUTH_URL or auth.auth_url in clouds.yaml), such as https://keystone.example.com:5000/v3.");
        if (Array.IndexOf(Interfaces, Interface) < 0)
            throw InputValidation.Invalid("Interface", $"{OriginOf("Interface")} is '{Interface}'; the catalog interfaces are public, internal and admin.");
        if (Region is not null) InputValidation.RequireNotEmpty(Region, "Region");
        if (CaCertificatePath is not null && !System.IO.File.Exists(CaCertificatePath))
            throw InputValidation.Invalid("CACertificate", $"{OriginOf("CaCertificate")} names {CaCertificatePath}, which does not exist.");
        if (UsesApplicationCredential) ValidateApplicationCredential();
        else ValidatePassword();
        ValidateCommon();
    }

    private void ValidateApplicationCredential()
    {
        if (ApplicationCredentialSecret is null)
            throw InputValidation.Invalid("SecretKey", "an application credential needs its secret (-SecretKey, the -Credential password, OS_APPLICATION_CREDENTIAL_SECRET or auth.application_credential_secret).");
        foreach (var scope in new[] { "ProjectId", "ProjectName", "DomainId", "DomainName" })
        {
            if (ValueOf(scope) is not null)
                throw InputValidation.Invalid(scope,
                    $"an application credential carries its own project and cannot ask for a scope (Keystone refuses it), but {OriginOf(scope)} gives one. Leave it out, or log in with a password.");
        }
        if (ApplicationCredentialId is null && UserId is null && Username is null)
            throw InputValidation.Invalid("ApplicationCredentialName",
                "an application credential given by name needs its user: the -Credential user name, OS_USERNAME or OS_USER_ID (or give -ApplicationCredentialId instead).");
        if (ApplicationCredentialId is null && UserId is null) RequireDomain("UserDomain", UserDomainName, UserDomainId, "user");
    }

    private void ValidatePassword()
    {
        if (UserId is null && Username is null)
            throw InputValidation.Invalid("Credential", "OpenStack needs a user and a password (-Credential, OS_USERNAME/OS_USER_ID and OS_PASSWORD, or a clouds.yaml cloud with -Cloud), or an application credential (-ApplicationCredentialId).");
        if (Password is null)
            throw InputValidation.Invalid("Credential", $"user '{UserId ?? Username}' needs a password (-Credential, OS_PASSWORD, or auth.password in clouds.yaml or secure.yaml).");
        if (UserId is null) RequireDomain("UserDomain", UserDomainName, UserDomainId, "user");
        var projectScoped = ProjectId is not null || ProjectName is not null;
        var domainScoped = DomainId is not null || DomainName is not null;
        if (projectScoped && domainScoped)
            throw InputValidation.Invalid(DomainId is not null ? "DomainId" : "DomainName",
                $"a token has one scope: {OriginOf(ProjectId is not null ? "ProjectId" : "ProjectName")} asks for a project and {OriginOf(DomainId is not null ? "DomainId" : "DomainName")} for a domain. Keep one.");
        if (!projectScoped && !domainScoped)
            throw InputValidation.Invalid("ProjectName", "Cinder snapshots live in a project: give -ProjectName (with -ProjectDomain) or -ProjectId, or OS_PROJECT_NAME/OS_PROJECT_ID.");
        if (ProjectId is null && ProjectName is not null) RequireDomain("ProjectDomain", ProjectDomainName, ProjectDomainId, "project");
    }

    private void RequireDomain(string parameter, string? name, string? id, string what)
    {
        if (name is null && id is null)
            throw InputValidation.Invalid(parameter,
                $"a {what} given by name needs its domain (such as Default): give -{parameter}, or OS_{what.ToUpperInvariant()}_DOMAIN_NAME / OS_{what.ToUpperInvariant()}_DOMAIN_ID, or give the {what} by id.");
    }

    private string? ValueOf(string setting) => setting switch
    {
        "ProjectId" => ProjectId,
        "ProjectName" => ProjectName,
        "DomainId" => DomainId,
        "DomainName" => DomainName,
        _ => null,
    };
}
