using System;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>Scaleway ids are lowercase, hyphenated UUIDs.</summary>
internal static class ScalewayIds
{
    public static bool IsUuid(string? value) =>
        value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);

    public static void Require(string? value, string parameter, string what)
    {
        if (!IsUuid(value))
            throw InputValidation.Invalid(parameter, $"'{value}' is not a {what}: Scaleway ids are UUIDs such as 71722f74-0a72-4fad-801c-1b61b9b19aa0.");
    }

    public static void RequireZone(string? zone, string parameter)
    {
        if (zone is null || !ScalewayZones.IsKnown(zone))
            throw InputValidation.Invalid(parameter, $"'{zone}' is not a Scaleway zone. Zones: {string.Join(", ", ScalewayZones.Instance)}.");
    }
}
