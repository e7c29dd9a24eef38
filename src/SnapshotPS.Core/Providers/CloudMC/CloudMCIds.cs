using System;
using System.Text.RegularExpressions;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>CloudMC ids are UUIDs; service codes and environment names are path segments.</summary>
internal static class CloudMCIds
{
    private static readonly Regex Segment = new(@"\A[A-Za-z0-9][A-Za-z0-9._~-]{0,99}\z");

    public static bool IsUuid(string? value) => value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);

    public static void RequireUuid(string? value, string parameter, string what)
    {
        if (!IsUuid(value))
            throw InputValidation.Invalid(parameter, $"'{value}' is not a {what}: CloudMC ids are UUIDs such as 33a27b8d-5a27-42a5-aec4-37606e372bda.");
    }

    public static void RequireName(string? value, string parameter, string what)
    {
        if (value is null || !Segment.IsMatch(value))
            throw InputValidation.Invalid(parameter, $"'{value}' is not a CloudMC {what}: 1 to 100 letters, digits, '.', '_', '~' or '-', starting with a letter or digit.");
    }
}
