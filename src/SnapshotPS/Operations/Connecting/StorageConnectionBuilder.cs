using System;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Core.Storage;

namespace SnapshotPS.Operations.Connecting;

/// <summary>
/// The object storage of an Outscale or Scaleway connection: the cloud's own store of the connection's
/// region (https://oos.{region}.outscale.com, https://s3.{region}.scw.cloud) signed with the connection's
/// API keys, which both clouds accept for object storage; -StorageEndpoint, -StorageRegion and
/// -StorageCredential override it.
/// </summary>
internal static class StorageConnectionBuilder
{
    /// <summary>
    /// Checked in the AWS SDKs and Tools reference (service-specific endpoints): the SDKs and the aws CLI
    /// read AWS_ENDPOINT_URL_S3 for S3 alone, and AWS_ENDPOINT_URL for every AWS service. Only the first
    /// is read here: the second names the endpoint of every service, not an object store. Neither the scw
    /// CLI (SCW_* variables, config.yaml) nor osc-cli (OSC_* variables, ~/.osc_sdk/config.json: access_key,
    /// secret_key, host, region_name) has an object storage endpoint setting. AWS_ACCESS_KEY_ID and
    /// AWS_SECRET_ACCESS_KEY are not read: they are an AWS account's keys, not this cloud's.
    /// </summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL_S3";

    /// <summary>The storage settings of a validated connection, or null for a provider without object storage.</summary>
    public static ObjectStorageSettings? Build(ConnectProviderRequest request, ConnectionSettings settings, Func<string, string?> environment)
    {
        var given = request.Storage.Endpoint is not null || request.Storage.Region is not null || request.Storage.SecretKey is not null;
        var storage = settings switch
        {
            OutscaleConnectionSettings outscale => Keyed(ObjectStorageSettings.ForOutscale(outscale.Region), outscale.AccessKey, outscale.SecretKey),
            ScalewayConnectionSettings scaleway => Keyed(ObjectStorageSettings.ForScaleway(RegionOfZone(scaleway.Zone)), scaleway.AccessKey, scaleway.SecretKey),
            _ => null,
        };
        if (storage is null)
        {
            if (given)
                throw InputValidation.Invalid(request.Storage.Endpoint is not null ? "StorageEndpoint" : request.Storage.Region is not null ? "StorageRegion" : "StorageCredential",
                    $"{settings.Provider} connections have no object storage in SnapshotPS; exports and imports through buckets work on Outscale and Scaleway.");
            return null;
        }

        storage.AllowUnencryptedEndpoint = request.AllowUnencryptedEndpoint;
        if (request.Storage.Endpoint is { } endpoint) storage.Endpoint = endpoint;
        else if (request.FromConfiguration && environment(EndpointVariable) is { Length: > 0 } fromEnvironment)
        {
            if (!Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var parsed))
                throw InputValidation.Invalid("StorageEndpoint", $"{EndpointVariable} holds '{fromEnvironment}', which is not an absolute URL.");
            storage.Endpoint = parsed;
            given = true;
        }
        if (request.Storage.Region is not null) storage.Region = request.Storage.Region;
        if (request.Storage.SecretKey is not null)
        {
            storage.AccessKey = request.Storage.AccessKey;
            storage.SecretKey = request.Storage.SecretKey;
        }
        if (given) ValidateGiven(storage);
        return storage;
    }

    /// <summary>What the user gave is checked at once; derived settings missing a key are reported when storage is first used.</summary>
    private static void ValidateGiven(ObjectStorageSettings storage)
    {
        EndpointPolicy.Require(storage.Endpoint, storage.AllowUnencryptedEndpoint, "StorageEndpoint");
        try
        {
            storage.Validate();
        }
        catch (ArgumentException invalid) when (invalid.ParamName is { } name)
        {
            var parameter = name switch { "Endpoint" => "StorageEndpoint", "Region" => "StorageRegion", _ => "StorageCredential" };
            var rule = invalid.Message;
            var cut = rule.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (cut >= 0) rule = rule.Substring(0, cut);
            throw InputValidation.Invalid(parameter, rule.Replace($"Invalid value for -{name}: ", ""));
        }
    }

    private static ObjectStorageSettings Keyed(ObjectStorageSettings storage, string? accessKey, SecretValue? secretKey)
    {
        storage.AccessKey = accessKey;
        storage.SecretKey = secretKey;
        return storage;
    }

    /// <summary>fr-par-1 -> fr-par: Scaleway's object storage is regional.</summary>
    private static string RegionOfZone(string zone)
    {
        var dash = zone.LastIndexOf('-');
        return dash > 0 ? zone.Substring(0, dash) : zone;
    }
}
