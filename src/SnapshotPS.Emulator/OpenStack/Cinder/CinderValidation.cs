using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>Cinder's JSON-schema checks (reference B.3, B.5), answering 400 with its "Invalid input for field/attribute" wording.</summary>
internal static partial class CinderValidation
{
    public const int MaxLength = 255;

    public static OpenStackReply Invalid(string field, JsonNode? value, string reason) =>
        CinderErrors.BadRequest($"Invalid input for field/attribute {field}. Value: {value?.ToJsonString() ?? "None"}. {reason}");

    public static OpenStackReply Unexpected(string field, JsonObject value, string unexpected) =>
        Invalid(field, value, $"Additional properties are not allowed ('{unexpected}' was unexpected)");

    /// <summary>A string or null of at most 255 characters; null when it is fine.</summary>
    public static OpenStackReply? ShortText(string field, JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) =>
            text.Length <= MaxLength ? null : Invalid(field, node, $"'{text}' is too long"),
        _ => Invalid(field, node, $"{node.ToJsonString()} is not of type 'string', 'null'"),
    };

    /// <summary>A boolean, or a boolean-like string (true/True/1/yes/on/y/t, false/.../0/no/off/n/f).</summary>
    public static bool? BooleanLike(JsonNode? node, out OpenStackReply? error)
    {
        error = null;
        if (node is JsonValue value)
        {
            if (value.TryGetValue(out bool flag)) return flag;
            if (value.TryGetValue(out string? text))
            {
                switch (text.Trim().ToLowerInvariant())
                {
                    case "true" or "1" or "yes" or "on" or "y" or "t": return true;
                    case "false" or "0" or "no" or "off" or "n" or "f": return false;
                }
            }
        }

        error = Invalid("force", node, $"{node?.ToJsonString()} is not of type 'boolean', 'string'");
        return null;
    }

    /// <summary>
    /// Metadata: an object of string values of at most 255 characters whose keys match the pattern (the create
    /// schema also allows '/'); null when allowNull. Returns the pairs, or null with the error.
    /// </summary>
    public static Dictionary<string, string>? Metadata(JsonNode? node, bool allowSlash, bool allowNull, out OpenStackReply? error)
    {
        error = null;
        if (node is null)
        {
            if (allowNull) return new Dictionary<string, string>(StringComparer.Ordinal);
            error = Invalid("metadata", node, "None is not of type 'object'");
            return null;
        }

        if (node is not JsonObject pairs)
        {
            error = Invalid("metadata", node, $"{node.ToJsonString()} is not of type 'object'");
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (!(allowSlash ? KeyWithSlash() : Key()).IsMatch(key))
            {
                error = Invalid("metadata", node, $"'{key}' does not match any of the regexes: '{(allowSlash ? "^[a-zA-Z0-9-_:. /]{1,255}$" : "^[a-zA-Z0-9-_:. ]{1,255}$")}'");
                return null;
            }

            if (CinderJson.Text(value) is not { } text)
            {
                error = Invalid("metadata", node, $"{value?.ToJsonString() ?? "None"} is not of type 'string'");
                return null;
            }

            if (text.Length > MaxLength)
            {
                error = Invalid("metadata", node, $"'{text}' is too long");
                return null;
            }

            result[key] = text;
        }

        return result;
    }

    [GeneratedRegex("^[a-zA-Z0-9-_:. ]{1,255}$")]
    private static partial Regex Key();

    [GeneratedRegex("^[a-zA-Z0-9-_:. /]{1,255}$")]
    private static partial Regex KeyWithSlash();
}
