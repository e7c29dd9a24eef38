using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Outscale;

/// <summary>Outscale's regions and id formats (reference §1, §5).</summary>
public static class OutscaleIds
{
    public static readonly IReadOnlyList<string> Regions = new[] { "eu-west-2", "us-east-2", "us-west-1", "cloudgouv-eu-west-1", "ap-northeast-1" };

    private static readonly Regex Snapshot = new("^snap-[0-9a-f]{8}$", RegexOptions.IgnoreCase);
    private static readonly Regex Volume = new("^vol-[0-9a-f]{8}$", RegexOptions.IgnoreCase);
    private static readonly Regex ExportTask = new("^snap-export-[0-9a-f]{8}$", RegexOptions.IgnoreCase);
    private static readonly Regex Account = new("^[0-9]{12}$");

    public static void RequireSnapshot(string? id, string parameter) => Require(Snapshot, id, parameter, "an Outscale snapshot id is snap- and 8 hex digits, such as snap-1a2b3c4d");
    public static void RequireVolume(string? id, string parameter) => Require(Volume, id, parameter, "an Outscale volume id is vol- and 8 hex digits, such as vol-1a2b3c4d");
    public static void RequireExportTask(string? id, string parameter) => Require(ExportTask, id, parameter, "an Outscale export task id is snap-export- and 8 hex digits, such as snap-export-9f8e7d6c");
    public static void RequireAccount(string? id, string parameter) => Require(Account, id, parameter, "an Outscale account id is 12 digits, such as 123456789012");

    public static void RequireRegion(string? region, string parameter)
    {
        if (region is null || !Regions.Contains(region))
            throw InputValidation.Invalid(parameter, $"'{region}' is not an Outscale region. Regions: {string.Join(", ", Regions)}.");
    }

    private static void Require(Regex format, string? id, string parameter, string rule)
    {
        if (id is null || !format.IsMatch(id)) throw InputValidation.Invalid(parameter, $"'{id}' is not valid: {rule}.");
    }
}
