using System;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Outscale;

public sealed class OutscaleConnectionSettings : ConnectionSettings
{
    public const string DefaultRegion = "eu-west-2";

    public override CloudProvider Provider => CloudProvider.Outscale;

    public string? AccessKey { get; set; }
    public SecretValue? SecretKey { get; set; }
    public string Region { get; set; } = DefaultRegion;

    /// <summary>The clock requests are signed with; tests set it to show how a skewed clock is refused.</summary>
    internal Func<DateTime>? Clock { get; set; }

    public override string? DefaultLocation => Region;
    public override string? Scope => AccessKey;

    /// <summary>https://api.{region}.outscale.com/api/v1 unless an endpoint is given.</summary>
    public Uri ApiRoot => Endpoint ?? new Uri($"https://api.{Region}.outscale.com/api/v1/");

    public override void Validate()
    {
        if (string.IsNullOrWhiteSpace(AccessKey) || AccessKey!.Trim().Length != AccessKey.Length || AccessKey.Contains(" "))
            throw InputValidation.Invalid("AccessKey", "Outscale needs an access key (-AccessKey, -Credential user name, OSC_ACCESS_KEY or an osc-cli profile), without spaces.");
        if (SecretKey is null)
            throw InputValidation.Invalid("SecretKey", "Outscale needs a secret key (-SecretKey, -Credential password, OSC_SECRET_KEY or an osc-cli profile).");
        OutscaleIds.RequireRegion(Region, "Region");
        ValidateCommon();
    }
}
