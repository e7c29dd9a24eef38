using System;
using System.Collections.Generic;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>
/// CloudMC settings from CLOUDMC_* environment variables. CloudMC's own tools define none, so the
/// names are SnapshotPS's: CLOUDMC_API_KEY, CLOUDMC_ENDPOINT, CLOUDMC_SERVICE_CODE,
/// CLOUDMC_ENVIRONMENT, CLOUDMC_ORG_ID and CLOUDMC_RAPID (true or false).
/// </summary>
public sealed class CloudMCEnvironmentLoader
{
    public const string ApiKeyVariable = "CLOUDMC_API_KEY";
    public const string EndpointVariable = "CLOUDMC_ENDPOINT";
    public const string ServiceCodeVariable = "CLOUDMC_SERVICE_CODE";
    public const string EnvironmentVariable = "CLOUDMC_ENVIRONMENT";
    public const string OrganizationVariable = "CLOUDMC_ORG_ID";
    public const string RapidVariable = "CLOUDMC_RAPID";

    private readonly Func<string, string?> _environment;

    public CloudMCEnvironmentLoader(Func<string, string?> environment) => _environment = environment;

    public static CloudMCEnvironmentLoader ForCurrentProcess() => new(Environment.GetEnvironmentVariable);

    public CloudMCConnectionSettings Load()
    {
        var settings = new CloudMCConnectionSettings();
        var used = new List<string>();
        if (Read(ApiKeyVariable, used) is { } key) settings.ApiKey = SecretValue.FromPlainText(key);
        if (Read(EndpointVariable, used) is { } endpoint)
            settings.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri
                : throw InputValidation.Invalid("Endpoint", $"{EndpointVariable} '{endpoint}' is not an absolute URL such as https://portal.coxedge.com/api/v2.");
        if (Read(ServiceCodeVariable, used) is { } service) settings.ServiceCode = service;
        settings.EnvironmentName = Read(EnvironmentVariable, used);
        settings.OrganizationId = Read(OrganizationVariable, used);
        if (Read(RapidVariable, used) is { } rapid)
            settings.Rapid = bool.TryParse(rapid, out var value) ? value
                : throw InputValidation.Invalid("Rapid", $"{RapidVariable} is '{rapid}'; give true or false.");
        settings.Source = used.Count == 0 ? "Parameters" : "environment (" + string.Join(", ", used) + ")";
        return settings;
    }

    private string? Read(string name, List<string> used)
    {
        var value = _environment(name)?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        used.Add(name);
        return value;
    }
}
