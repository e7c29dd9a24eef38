using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>What Cinder accepts, checked before any request: UUID ids, metadata keys and lengths (reference B.3, B.5).</summary>
internal static class OpenStackIds
{
    public const int MaxTextLength = 255;

    // The metadata requests' key pattern (B.5), stricter than create's, so that every key set can also be changed.
    private static readonly Regex MetadataKey = new(@"\A[a-zA-Z0-9\-_:. ]{1,255}\z");

    public static bool IsUuid(string? value) => value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);

    public static void RequireUuid(string? value, string parameter, string what)
    {
        if (!IsUuid(value))
            throw InputValidation.Invalid(parameter, $"'{value}' is not a {what}: Cinder ids are UUIDs such as 2c228773-50eb-422d-be7e-b5c6ced0c7a9.");
    }

    public static void RequireText(string? value, string parameter)
    {
        if (value is not null && value.Length > MaxTextLength)
            throw InputValidation.Invalid(parameter, $"Cinder takes at most {MaxTextLength} characters; this value has {value.Length}.");
    }

    public static void RequireMetadata(IReadOnlyDictionary<string, string>? tags, string parameter)
    {
        if (tags is null) return;
        foreach (var tag in tags)
        {
            if (tag.Key.Length == 0 || tag.Key.Trim().Length == 0)
                throw InputValidation.Invalid(parameter, "a tag (Cinder metadata) key cannot be empty.");
            if (tag.Key == OpenStackMapping.ClientTokenKey)
                throw InputValidation.Invalid(parameter, $"'{tag.Key}' is the key SnapshotPS marks its creates with; choose another.");
            if (!MetadataKey.IsMatch(tag.Key))
                throw InputValidation.Invalid(parameter, $"tag key '{tag.Key}' is not a Cinder metadata key: 1 to 255 letters, digits, spaces and - _ : .");
            if (tag.Value is not null && tag.Value.Length > MaxTextLength)
                throw InputValidation.Invalid(parameter, $"the value of tag '{tag.Key}' has {tag.Value.Length} characters; Cinder takes at most {MaxTextLength}.");
        }
    }
}
