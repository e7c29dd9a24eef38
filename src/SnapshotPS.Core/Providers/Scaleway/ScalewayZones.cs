using System;
using System.Collections.Generic;
using System.Linq;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>The zones the Instance and Block Storage APIs serve (reference §1 and §8).</summary>
public static class ScalewayZones
{
    public static readonly IReadOnlyList<string> Instance = new[]
    {
        "fr-par-1", "fr-par-2", "fr-par-3", "nl-ams-1", "nl-ams-2", "nl-ams-3", "pl-waw-1", "pl-waw-2", "pl-waw-3", "it-mil-1",
    };

    public static readonly IReadOnlyList<string> Block = Instance.Where(z => z != "it-mil-1").ToList();

    public static bool IsKnown(string zone) => Instance.Contains(zone, StringComparer.Ordinal);

    public static bool HasBlockStorage(string zone) => Block.Contains(zone, StringComparer.Ordinal);

    /// <summary>The first zone of a region, as the scw CLI picks when only a region is configured.</summary>
    public static readonly IReadOnlyList<string> Regions = new[] { "fr-par", "nl-ams", "pl-waw", "it-mil" };

    public static string? FirstZoneOf(string region) =>
        Regions.Contains(region, StringComparer.Ordinal) ? Instance.First(z => z.StartsWith(region + "-", StringComparison.Ordinal)) : null;
}
