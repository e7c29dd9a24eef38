using System;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.OpenStack;

namespace SnapshotPS.Operations.Connecting;

/// <summary>Connect-SnapshotProvider's OpenStack-only parameters.</summary>
public sealed class OpenStackParameters
{
    public string? ProjectName { get; init; }

    /// <summary>The user's domain: an id (32 hex digits, or "default") or a name.</summary>
    public string? UserDomain { get; init; }

    /// <summary>The project's domain: an id (32 hex digits, or "default") or a name.</summary>
    public string? ProjectDomain { get; init; }

    public string? ApplicationCredentialId { get; init; }
    public string? ApplicationCredentialName { get; init; }
    public string? Interface { get; init; }
    public string? CACertificate { get; init; }
}

/// <summary>
/// OpenStack settings from clouds.yaml (-Cloud or OS_CLOUD), the OS_* environment and parameters,
/// in that order of strength. -Credential is the user and password, or, with
/// -ApplicationCredentialName, the credential's user and secret; -SecretKey is an application
/// credential's secret (or the password of a user named elsewhere).
/// </summary>
internal static class OpenStackConnectionBuilder
{
    public static OpenStackConnectionSettings Build(ConnectProviderRequest request, Func<OpenStackConfigLoader> loader)
    {
        if (request.Zone is not null) throw InputValidation.Invalid("Zone", "OpenStack connects to a catalog region: use -Region.");
        if (request.OrganizationId is not null) throw InputValidation.Invalid("OrganizationId", "OpenStack has projects: use -ProjectName or -ProjectId.");
        var os = request.OpenStack ?? new OpenStackParameters();
        if (os.ApplicationCredentialId is not null && os.ApplicationCredentialName is not null)
            throw InputValidation.Invalid("ApplicationCredentialName", "give the application credential by id or by name, not both.");

        var config = request.FromConfiguration || request.Profile is not null ? loader().Load(request.Profile) : new OpenStackConfig();
        config.NextLayer();
        var before = config.Source;
        var fromParameters = false;
        void Parameter(string key, string? value, string parameter)
        {
            if (value is null) return;
            config.Set(key, value, "-" + parameter);
            fromParameters = true;
        }

        if (os.ApplicationCredentialId is not null || os.ApplicationCredentialName is not null)
        {
            config.Remove("Password");
            Parameter("ApplicationCredentialId", os.ApplicationCredentialId, "ApplicationCredentialId");
            Parameter("ApplicationCredentialName", os.ApplicationCredentialName, "ApplicationCredentialName");
            config.SetSecret("ApplicationCredentialSecret", request.SecretKey, request.AccessKey is null ? "-SecretKey" : "-Credential");
            if (os.ApplicationCredentialName is not null) Parameter("Username", request.AccessKey, "Credential");
        }
        else if (request.SecretKey is not null)
        {
            if (request.AccessKey is not null || !config.Has("ApplicationCredentialId") && !config.Has("ApplicationCredentialName"))
            {
                foreach (var key in new[] { "ApplicationCredentialId", "ApplicationCredentialName", "ApplicationCredentialSecret" }) config.Remove(key);
                Parameter("Username", request.AccessKey, "Credential");
                config.SetSecret("Password", request.SecretKey, request.AccessKey is null ? "-SecretKey" : "-Credential");
            }
            else
            {
                config.SetSecret("ApplicationCredentialSecret", request.SecretKey, "-SecretKey");
            }
            fromParameters = true;
        }

        Parameter("ProjectName", os.ProjectName, "ProjectName");
        Parameter("ProjectId", request.ProjectId, "ProjectId");
        Parameter(IsDomainId(os.UserDomain) ? "UserDomainId" : "UserDomainName", os.UserDomain, "UserDomain");
        Parameter(IsDomainId(os.ProjectDomain) ? "ProjectDomainId" : "ProjectDomainName", os.ProjectDomain, "ProjectDomain");
        Parameter("Region", request.Region, "Region");
        Parameter("Interface", os.Interface, "Interface");
        Parameter("CaCertificate", os.CACertificate, "CACertificate");
        Parameter("AuthUrl", request.Endpoint?.AbsoluteUri, "Endpoint");

        var settings = config.ToSettings();
        if (fromParameters) settings.Source = ConnectionSources.WithParameters(fromConfiguration: true, before);
        return settings;
    }

    /// <summary>Keystone domain ids are 32 hex digits, or "default" for the domain every cloud has.</summary>
    private static bool IsDomainId(string? domain) =>
        domain is not null && (domain == "default" || (domain.Length == 32 && Array.TrueForAll(domain.ToCharArray(), Uri.IsHexDigit)));
}
