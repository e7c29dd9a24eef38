using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Outscale;

/// <summary>Outscale's regions and id formats (reference §1, §5).</summary>
public static class OutscaleIds
{
    public static readonly IReadOnlyList<string> Regions = new[] { "eu-west-2", "us-east-2", "us-west-1", "cloudgouv-eu-west-1", "ap-northeast-1" };

    private static readonly Regex Snapshot = new(@"\Asnap-[0-9a-f]{8}\z");
    private static readonly Regex Volume = new(@"\Avol-[0-9a-f]{8}\z");
    private static readonly Regex ExportTask = new(@"\Asnap-export-[0-9a-f]{8}\z");
    private static readonly Regex Account = new(@"\A[0-9]{12}\z");

    public static void RequireSnapshot(string? id, string parameter) => Require(Snapshot, id, parameter, "an Outscale snapshot id is snap- and 8 lowercase hex digits, such as snap-1a2b3c4d");
    public static void RequireVolume(string? id, string parameter) => Require(Volume, id, parameter, "an Outscale volume id is vol- and 8 lowercase hex digits, such as vol-1a2b3c4d");
    public static void RequireExportTask(string? id, string parameter) => Require(ExportTask, id, parameter, "an Outscale export task id is snap-export- and 8 lowercase hex digits, such as snap-export-9f8e7d6c");
    public static void RequireAccount(string? id, string parameter) => Require(Account, id, parameter, "an Outscale account id is 12 digits, such as 123456789012");

    public static void RequireRegion(string? region, string parameter)
    {
        if (region is null || !Regions.Contains(region))
            throw InputValidation.Invalid(parameter, $"'{region}' is not an Outscale region. Regions: {string.Join(", ", Regions)}.");
    }

    public const int MaxTagKeyLength = 255;
    public const int MaxTagValueLength = 255;

    /// <summary>Tag keys of 1 to 255 characters and values of 0 to 255 (reference 4.8); the name is the value of the Name tag.</summary>
    public static void RequireTags(IReadOnlyDictionary<string, string>? tags, string? name, string tagParameter = "Tag")
    {
        if (name is not null && name.Length > MaxTagValueLength)
            throw InputValidation.Invalid("Name", $"an Outscale name is the value of its Name tag: at most {MaxTagValueLength} characters; this one has {name.Length}.");
        foreach (var tag in tags ?? new Dictionary<string, string>())
        {
            if (tag.Key.Length is 0 or > MaxTagKeyLength)
                throw InputValidation.Invalid(tagParameter, $"an Outscale tag key has 1 to {MaxTagKeyLength} characters; '{Shorten(tag.Key)}' has {tag.Key.Length}.");
            if (tag.Value.Length > MaxTagValueLength)
                throw InputValidation.Invalid(tagParameter, $"an Outscale tag value has at most {MaxTagValueLength} characters; the value of '{Shorten(tag.Key)}' has {tag.Value.Length}.");
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";

    private static void Require(Regex format, string? id, string parameter, string rule)
    {
        if (id is null || !format.IsMatch(id)) throw InputValidation.Invalid(parameter, $"'{id}' is not valid: {rule}.");
    }
}
