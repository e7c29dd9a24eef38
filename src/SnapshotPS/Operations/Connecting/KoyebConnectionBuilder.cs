using System;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Koyeb;

namespace SnapshotPS.Operations.Connecting;

/// <summary>
/// Connect-SnapshotProvider -Provider Koyeb: the token from -SecretKey or -Credential (its password; the
/// user name is not used), else KOYEB_TOKEN, else the koyeb CLI's config file; -Region and
/// -OrganizationId narrow listings, -ProjectId goes with new snapshots.
/// </summary>
internal static class KoyebConnectionBuilder
{
    public static KoyebConnectionSettings Build(ConnectProviderRequest request, Func<KoyebConfigLoader> configuration)
    {
        if (request.Zone is not null) throw InputValidation.Invalid("Zone", "Koyeb has regions, not zones: use -Region (fra, was, ...).");
        if (request.Profile is not null)
            throw InputValidation.Invalid("Profile", "the koyeb CLI has no profiles: point KOYEB_CONFIG at another config file instead.");
        var loader = request.FromConfiguration ? configuration() : null;
        var settings = loader?.Load() ?? new KoyebConnectionSettings();
        if (request.SecretKey is not null)
        {
            settings.Token = request.SecretKey;
            settings.Source = ConnectionSources.WithParameters(request.FromConfiguration, settings.Source);
        }
        if (request.Region is not null) settings.Region = request.Region;
        if (request.OrganizationId is not null) settings.OrganizationId = request.OrganizationId;
        if (request.ProjectId is not null) settings.ProjectId = request.ProjectId;
        if (request.Endpoint is not null) settings.Endpoint = request.Endpoint;
        if (settings.Token is null && loader?.MissingConfigPath is { } missing)
            throw InputValidation.Invalid("SecretKey", $"no API token was given, and KOYEB_CONFIG names {missing}, which does not exist.");
        return settings;
    }
}
