using System.Collections.Generic;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>
/// Scaleway tags are free strings, written "key=value" here: a key holding '=' could not be read
/// back as the same key, so it is refused rather than rewritten.
/// </summary>
internal static class ScalewayTags
{
    /// <summary>The tag that marks a create so that it can be found after a lost answer; never shown as a tag.</summary>
    public const string RequestMarkerKey = "snapshotps-request";

    public static string RequestMarker(string token) => RequestMarkerKey + "=" + token;

    public static void Require(IReadOnlyDictionary<string, string>? tags, string parameter)
    {
        foreach (var tag in tags ?? new Dictionary<string, string>())
        {
            if (tag.Key.IndexOf('=') >= 0)
                throw InputValidation.Invalid(parameter, $"a Scaleway tag key cannot contain '=' ('{tag.Key}'): Scaleway stores a tag as one string, key=value, so the key would be read back differently.");
            if (tag.Key == RequestMarkerKey)
                throw InputValidation.Invalid(parameter, $"the tag key '{RequestMarkerKey}' is reserved by SnapshotPS; use -ClientToken instead.");
        }
    }
}
