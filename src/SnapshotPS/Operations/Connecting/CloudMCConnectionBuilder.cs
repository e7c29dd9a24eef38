using System;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.CloudMC;

namespace SnapshotPS.Operations.Connecting;

/// <summary>
/// Connect-SnapshotProvider -Provider CloudMC: the API key (-SecretKey, or -Credential's password),
/// -Endpoint, -ServiceCode, -Environment and -OrganizationId (org_id), each over its CLOUDMC_* variable.
/// </summary>
internal static class CloudMCConnectionBuilder
{
    public static CloudMCConnectionSettings Build(ConnectProviderRequest request, Func<CloudMCEnvironmentLoader> environment)
    {
        if (request.Profile is not null)
            throw InputValidation.Invalid("Profile", "CloudMC has no configuration file: give the parameters, or set the CLOUDMC_* environment variables.");
        if (request.Zone is not null || request.Region is not null)
            throw InputValidation.Invalid(request.Zone is not null ? "Zone" : "Region", "CloudMC works in an environment of a service connection: use -Environment (and -ServiceCode).");
        if (request.ProjectId is not null)
            throw InputValidation.Invalid("ProjectId", "CloudMC has no projects: use -OrganizationId for a sub-organization, -Environment for where snapshots live.");

        var settings = request.FromConfiguration ? environment().Load() : new CloudMCConnectionSettings();
        var fromEnvironment = settings.Source;
        var anyParameter = false;
        if (request.SecretKey is not null) { settings.ApiKey = request.SecretKey; anyParameter = true; }
        if (request.Endpoint is not null) { settings.Endpoint = request.Endpoint; anyParameter = true; }
        if (request.ServiceCode is not null) { settings.ServiceCode = request.ServiceCode; anyParameter = true; }
        if (request.Environment is not null) { settings.EnvironmentName = request.Environment; anyParameter = true; }
        if (request.OrganizationId is not null) { settings.OrganizationId = request.OrganizationId; anyParameter = true; }
        settings.Source = !anyParameter ? fromEnvironment : ConnectionSources.WithParameters(request.FromConfiguration, fromEnvironment);
        return settings;
    }
}
