using System;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>A CloudMC (Cox Edge) service connection and environment, reached with an API key.</summary>
public sealed class CloudMCConnectionSettings : ConnectionSettings
{
    /// <summary>The plugin of CloudStack compute in the CloudMC docs.</summary>
    public const string DefaultServiceCode = "compute-on";

    /// <summary>The API version prefix added when an endpoint gives none.</summary>
    public const string DefaultApiPrefix = "api/v2/";

    /// <summary>Cox Edge's portal, the API root when no endpoint is given.</summary>
    public static readonly Uri PublicEndpoint = new("https://portal.coxedge.com/" + DefaultApiPrefix);

    public override CloudProvider Provider => CloudProvider.CloudMC;

    /// <summary>Sent as the MC-Api-Key header.</summary>
    public SecretValue? ApiKey { get; set; }

    public string ServiceCode { get; set; } = DefaultServiceCode;

    /// <summary>The environment's name (not its id), e.g. test_area.</summary>
    public string? EnvironmentName { get; set; }

    /// <summary>A sub-organization to act in, sent as org_id; null acts in the key's own.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>rapid=true keeps new snapshots on primary storage; null leaves it to CloudMC.</summary>
    public bool? Rapid { get; set; }

    /// <summary>How long a create waits for its task before giving up with a clear error.</summary>
    public TimeSpan TaskTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public override string? DefaultLocation => EnvironmentName;
    public override string? Scope => OrganizationId is null ? ServiceCode : ServiceCode + " org " + OrganizationId;

    /// <summary>
    /// The endpoint as given when its path names a version (https://host/api/v1, https://api.cloud.ca/v1);
    /// the endpoint + /api/v2 when it is a bare host; Cox Edge's portal when none is given.
    /// </summary>
    public Uri ApiRoot
    {
        get
        {
            if (Endpoint is null) return PublicEndpoint;
            var root = Endpoint.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? Endpoint : new Uri(Endpoint.AbsoluteUri + "/");
            return root.AbsolutePath == "/" ? new Uri(root, DefaultApiPrefix) : root;
        }
    }

    public override void Validate()
    {
        if (ApiKey is null)
            throw InputValidation.Invalid("SecretKey", "CloudMC needs an API key (-SecretKey, -Credential password or CLOUDMC_API_KEY).");
        CloudMCIds.RequireName(ServiceCode, "ServiceCode", "service code");
        if (EnvironmentName is null)
            throw InputValidation.Invalid("Environment", "CloudMC needs the name of the environment to work in (-Environment or CLOUDMC_ENVIRONMENT), e.g. test_area.");
        CloudMCIds.RequireName(EnvironmentName, "Environment", "environment name");
        if (OrganizationId is not null) CloudMCIds.RequireUuid(OrganizationId, "OrganizationId", "organization id");
        InputValidation.RequirePositive(TaskTimeout, "TaskTimeout");
        ValidateCommon();
    }
}
