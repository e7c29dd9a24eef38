using System;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Storage;

/// <summary>Where an S3-compatible object store is and how to sign for it. Secrets never show.</summary>
public sealed class ObjectStorageSettings
{
    /// <summary>The store's root, e.g. https://s3.fr-par.scw.cloud; buckets are addressed by path.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The region requests are signed for; S3-compatible stores that ignore it accept us-east-1.</summary>
    public string Region { get; set; } = "us-east-1";

    public string? AccessKey { get; set; }
    public SecretValue? SecretKey { get; set; }

    /// <summary>Plain http to a host that is not loopback, by the user's explicit word.</summary>
    public bool AllowUnencryptedEndpoint { get; set; }

    /// <summary>Scaleway Object Storage of a region (fr-par, nl-ams, pl-waw, it-mil).</summary>
    public static ObjectStorageSettings ForScaleway(string region) =>
        new() { Endpoint = new Uri($"https://s3.{RequireRegion(region, "Region")}.scw.cloud"), Region = region };

    /// <summary>Outscale Object Storage (OOS) of a region (eu-west-2, us-east-2, ...).</summary>
    public static ObjectStorageSettings ForOutscale(string region) =>
        new() { Endpoint = new Uri($"https://oos.{RequireRegion(region, "Region")}.outscale.com"), Region = region };

    /// <summary>Throws an ArgumentException naming the parameter and the rule.</summary>
    public void Validate()
    {
        if (Endpoint is null) throw InputValidation.Invalid("Endpoint", "an object storage connection needs the store's endpoint.");
        if (!Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("http" or "https"))
            throw InputValidation.Invalid("Endpoint", $"'{Endpoint}' is not an http or https address.");
        EndpointPolicy.Require(Endpoint, AllowUnencryptedEndpoint);
        RequireRegion(Region, "Region");
        if (string.IsNullOrEmpty(AccessKey)) throw InputValidation.Invalid("AccessKey", "object storage needs an access key.");
        if (SecretKey is null) throw InputValidation.Invalid("SecretKey", "object storage needs the access key's secret key.");
    }

    public override string ToString() => $"{Endpoint} ({Region}, access key {AccessKey})";

    private static string RequireRegion(string region, string parameterName)
    {
        InputValidation.RequireNotEmpty(region, parameterName);
        foreach (var character in region)
        {
            if (!(character is >= 'a' and <= 'z' || character is >= '0' and <= '9' || character == '-'))
                throw InputValidation.Invalid(parameterName, $"'{region}' is not a region name (lowercase letters, digits and '-').");
        }
        return region;
    }
}
