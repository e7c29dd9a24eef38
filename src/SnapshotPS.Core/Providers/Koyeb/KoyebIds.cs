using System;
using System.Linq;
using System.Text.RegularExpressions;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Koyeb;

/// <summary>
/// Koyeb ids are UUIDs. Like the koyeb CLI, a snapshot may also be named by a short id (the first 8 or
/// more characters of its id) or by its name, both resolved by listing (reference §3).
/// </summary>
internal static class KoyebIds
{
    public const int MinShortIdLength = 8;
    public const int MinNameLength = 2;
    public const int MaxNameLength = 63;

    private static readonly Regex RegionFormat = new(@"\A[a-z][a-z0-9-]{1,15}\z");
    private static readonly Regex ShortIdFormat = new(@"\A[0-9a-fA-F]{8}[0-9a-fA-F-]{0,28}\z");

    public static bool IsUuid(string? value) => value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);

    public static bool IsShortId(string value) => ShortIdFormat.IsMatch(value);

    public static bool IsToken(string value) => value.Length > 0 && value.All(c => c > ' ' && c < 127);

    public static void RequireUuid(string? value, string parameter, string what)
    {
        if (!IsUuid(value))
            throw InputValidation.Invalid(parameter, $"'{value}' is not a {what}: Koyeb ids are UUIDs such as 8d3e2f41-6b7a-4c9d-8e15-3a2b1c0d9f87.");
    }

    /// <summary>A full id, a short id or a name, as the koyeb CLI accepts them.</summary>
    public static void RequireSnapshotReference(string? value, string parameter)
    {
        if (value is null || value.Trim().Length == 0 || value.Length > MaxNameLength || value.Any(char.IsControl))
            throw InputValidation.Invalid(parameter,
                $"'{value}' cannot name a Koyeb snapshot: give its id (a UUID), its short id (the first {MinShortIdLength} characters of the id) or its name ({MinNameLength} to {MaxNameLength} characters).");
    }

    public static void RequireName(string? name, string parameter)
    {
        if (name is not null && (name.Trim().Length == 0 || name.Length < MinNameLength || name.Length > MaxNameLength))
            throw InputValidation.Invalid(parameter, $"a Koyeb snapshot name has {MinNameLength} to {MaxNameLength} characters; '{name}' has {name.Length}.");
    }

    public static void RequireRegion(string? region, string parameter)
    {
        if (region is null || !RegionFormat.IsMatch(region))
            throw InputValidation.Invalid(parameter, $"'{region}' is not a Koyeb region: regions are short lowercase codes such as fra, was or sin.");
    }
}
