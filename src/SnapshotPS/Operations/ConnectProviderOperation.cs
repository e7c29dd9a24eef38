using System;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Providers.OpenStack;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Operations.Connecting;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>-StorageEndpoint, -StorageRegion and -StorageCredential of Connect-SnapshotProvider.</summary>
public sealed class StorageParameters
{
    public Uri? Endpoint { get; init; }
    public string? Region { get; init; }
    public string? AccessKey { get; init; }
    public SecretValue? SecretKey { get; init; }
}

public sealed class ConnectProviderRequest
{
    public CloudProvider Provider { get; init; }
    public string? Name { get; init; }
    public SecretValue? SecretKey { get; init; }
    public string? AccessKey { get; init; }
    public string? Zone { get; init; }
    public string? Region { get; init; }
    public string? ProjectId { get; init; }
    public string? OrganizationId { get; init; }

    /// <summary>CloudMC: the service connection's code and the environment's name.</summary>
    public string? ServiceCode { get; init; }
    public string? Environment { get; init; }
    public Uri? Endpoint { get; init; }

    /// <summary>Object storage overrides (Outscale, Scaleway): endpoint, signing region, keys.</summary>
    public StorageParameters Storage { get; init; } = new();

    /// <summary>What only OpenStack takes: project by name, domains, application credentials, interface, CA.</summary>
    public OpenStackParameters? OpenStack { get; init; }

    /// <summary>Fill what the parameters do not give from the provider's own configuration (environment variables, CLI profiles).</summary>
    public bool FromConfiguration { get; init; }
    public string? Profile { get; init; }

    /// <summary>Allows plain http to a host that is not loopback (credentials then travel unencrypted).</summary>
    public bool AllowUnencryptedEndpoint { get; init; }

    /// <summary>Accepts any TLS certificate, for lab clouds with self-signed certificates.</summary>
    public bool SkipCertificateCheck { get; init; }

    public int? MaxRetries { get; init; }
    public int? ConcurrentPages { get; init; }
    public TimeSpan? PollInterval { get; init; }
    public bool Default { get; init; }
    public bool PassThru { get; init; }
}

/// <summary>Connect-SnapshotProvider: builds settings from parameters and configuration, opens and registers the connection. Sends no request.</summary>
public sealed class ConnectProviderOperation : SnapshotOperation
{
    private readonly Func<ScalewayProfileLoader> _scalewayProfiles;
    private readonly Func<OutscaleProfileLoader> _outscaleProfiles;
    private readonly Func<OpenStackConfigLoader> _openStackConfig;
    private readonly Func<string, string?> _environment;

    public ConnectProviderOperation(ConnectionRegistry connections, ICmdletContext context,
        Func<ScalewayProfileLoader>? scalewayProfiles = null, Func<OutscaleProfileLoader>? outscaleProfiles = null,
        Func<OpenStackConfigLoader>? openStackConfig = null, Func<string, string?>? environment = null)
        : base(connections, context, "ConnectSnapshotProvider")
    {
        _scalewayProfiles = scalewayProfiles ?? ScalewayProfileLoader.ForCurrentProcess;
        _outscaleProfiles = outscaleProfiles ?? OutscaleProfileLoader.ForCurrentProcess;
        _openStackConfig = openStackConfig ?? (() => OpenStackConfigLoader.ForCurrentProcess());
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    public void Process(ConnectProviderRequest request)
    {
        try
        {
            var settings = BuildSettings(request);
            if (request.MaxRetries is int retries) settings.Http.MaxRetries = retries;
            if (request.ConcurrentPages is int pages) settings.ConcurrentPages = pages;
            settings.PollInterval = request.PollInterval;
            settings.AllowUnencryptedEndpoint = request.AllowUnencryptedEndpoint;
            if (request.SkipCertificateCheck) settings.Http.SkipCertificateCheck = true;
            settings.Validate();
            settings.Storage = StorageConnectionBuilder.Build(request, settings, _environment);

            var name = request.Name ?? request.Provider.ToString().ToLowerInvariant();
            InputValidation.RequireNotEmpty(name, "Name");
            var connection = new SnapshotConnection(name, settings, ProviderFactory.Create(settings, name), DateTimeOffset.Now);
            WarnAboutTransport(name, settings);
            var replaced = Connections.Add(connection, request.Default);
            if (replaced is not null)
                Context.WriteWarning($"Connection '{name}' replaces the earlier connection of that name ({replaced.Provider}, {replaced.Location}), which is closed. Give -Name to keep both.");
            Context.WriteVerbose($"Connected '{name}' to {connection.Provider} ({connection.Location}, {connection.Scope}) from {settings.Source}.");
            if (connection.StorageEndpoint is { } storage) Context.WriteVerbose($"Object storage of '{name}': {storage} ({connection.StorageRegion}).");
            if (request.PassThru) Context.WriteObject(connection);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            Context.WriteError(OperationErrors.From(failure, CmdletPrefix, request.Name ?? request.Provider.ToString()));
        }
    }

    private void WarnAboutTransport(string name, ConnectionSettings settings)
    {
        if (EndpointPolicy.IsUnencryptedRemote(settings.Endpoint))
            Context.WriteWarning($"Connection '{name}' sends its credentials and data to {settings.Endpoint!.Host} over plain http, unencrypted (-AllowUnencryptedEndpoint).");
        if (EndpointPolicy.IsUnencryptedRemote(settings.Storage?.Endpoint))
            Context.WriteWarning($"Connection '{name}' sends its object storage keys and data to {settings.Storage!.Endpoint!.Host} over plain http, unencrypted (-AllowUnencryptedEndpoint).");
        if (settings.Http.SkipCertificateCheck)
            Context.WriteWarning($"Connection '{name}' accepts any TLS certificate (-SkipCertificateCheck): anyone between this machine and {settings.Endpoint?.Host ?? "the provider"} can read its credentials. Use it for lab clouds only.");
    }

    private ConnectionSettings BuildSettings(ConnectProviderRequest request) => request.Provider switch
    {
        CloudProvider.Scaleway => BuildScaleway(request),
        CloudProvider.Outscale => BuildOutscale(request),
        CloudProvider.Koyeb => Connecting.KoyebConnectionBuilder.Build(request, Core.Providers.Koyeb.KoyebConfigLoader.ForCurrentProcess),
        CloudProvider.CloudMC => Connecting.CloudMCConnectionBuilder.Build(request, Core.Providers.CloudMC.CloudMCEnvironmentLoader.ForCurrentProcess),
        CloudProvider.OpenStack => OpenStackConnectionBuilder.Build(request, _openStackConfig),
        _ => throw new NotSupportedException(
            $"SnapshotPS cannot connect to '{request.Provider}': it connects to Outscale, Scaleway, OpenStack, Koyeb and CloudMC."),
    };

    private ScalewayConnectionSettings BuildScaleway(ConnectProviderRequest request)
    {
        var settings = request.FromConfiguration || request.Profile is not null
            ? _scalewayProfiles().Load(request.Profile)
            : new ScalewayConnectionSettings();
        if (request.SecretKey is not null)
        {
            settings.SecretKey = request.SecretKey;
            settings.AccessKey = request.AccessKey ?? settings.AccessKey;
            settings.Source = ConnectionSources.WithParameters(request.FromConfiguration, settings.Source);
        }
        if (request.Zone is not null) settings.Zone = request.Zone;
        else if (request.Region is not null)
            settings.Zone = ScalewayZones.FirstZoneOf(request.Region) ?? throw InputValidation.Invalid("Region", $"'{request.Region}' is not a Scaleway region (fr-par, nl-ams, pl-waw, it-mil).");
        if (request.ProjectId is not null) settings.ProjectId = request.ProjectId;
        if (request.OrganizationId is not null) settings.OrganizationId = request.OrganizationId;
        if (request.Endpoint is not null) settings.Endpoint = request.Endpoint;
        return settings;
    }

    private OutscaleConnectionSettings BuildOutscale(ConnectProviderRequest request)
    {
        if (request.Zone is not null) throw InputValidation.Invalid("Zone", "Outscale connects to a region: use -Region.");
        if (request.ProjectId is not null || request.OrganizationId is not null)
            throw InputValidation.Invalid(request.ProjectId is not null ? "ProjectId" : "OrganizationId", "Outscale has no projects: the access key names the account.");
        var settings = request.FromConfiguration || request.Profile is not null
            ? _outscaleProfiles().Load(request.Profile)
            : new OutscaleConnectionSettings();
        if ((request.SecretKey is null) != (request.AccessKey is null))
            throw InputValidation.Invalid(request.SecretKey is null ? "SecretKey" : "AccessKey",
                "an Outscale access key and its secret key go together: give both as parameters (or -Credential), or neither.");
        if (request.SecretKey is not null)
        {
            settings.SecretKey = request.SecretKey;
            settings.AccessKey = request.AccessKey;
            settings.Source = ConnectionSources.WithParameters(request.FromConfiguration, settings.Source);
        }
        if (request.Region is not null) settings.Region = request.Region;
        if (request.Endpoint is not null) settings.Endpoint = request.Endpoint;
        return settings;
    }
}
