using System.Collections.Generic;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;

namespace SnapshotPS.Core.Providers;

/// <summary>
/// The zones and regions a provider's connections can name, as far as they are known without asking
/// the cloud (OpenStack's regions are in its catalog, Koyeb's and CloudMC's in the account).
/// </summary>
public static class KnownLocations
{
    private static readonly IReadOnlyList<string> None = new string[0];

    public static IReadOnlyList<string> Zones(CloudProvider provider) => provider switch
    {
        CloudProvider.Scaleway => ScalewayZones.Instance,
        _ => None,
    };

    public static IReadOnlyList<string> Regions(CloudProvider provider) => provider switch
    {
        CloudProvider.Scaleway => ScalewayZones.Regions,
        CloudProvider.Outscale => OutscaleIds.Regions,
        _ => None,
    };
}
