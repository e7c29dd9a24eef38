using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Hosting;

internal enum JsonStyle
{
    /// <summary>No whitespace: {"a":1,"b":2}.</summary>
    Compact,

    /// <summary>A space after ':' and ',': {"a": 1, "b": 2}.</summary>
    Spaced,
}

internal static class WireJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode? node, JsonStyle style)
    {
        if (style == JsonStyle.Compact)
        {
            return node?.ToJsonString(Options) ?? "null";
        }

        var builder = new StringBuilder();
        WriteSpaced(builder, node);
        return builder.ToString();
    }

    /// <summary>A copy of the node with object keys in ordinal order, at every depth.</summary>
    public static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => KeyValuePair.Create(pair.Key, SortKeys(pair.Value)))),
        JsonArray array => new JsonArray(array.Select(SortKeys).ToArray()),
        _ => node?.DeepClone(),
    };

    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff", CultureInfo.InvariantCulture) + "+00:00";

    /// <summary>
    /// The compact form with a space after every ':' and ',' outside strings, in one pass over the
    /// bytes the serializer wrote (a writer per value made each list page cost milliseconds).
    /// </summary>
    private static void WriteSpaced(StringBuilder builder, JsonNode? node)
    {
        var compact = node?.ToJsonString(Options) ?? "null";
        builder.EnsureCapacity(compact.Length + compact.Length / 8);
        var inString = false;
        var escaped = false;
        foreach (var character in compact)
        {
            builder.Append(character);
            if (inString)
            {
                if (escaped) escaped = false;
                else if (character == '\\') escaped = true;
                else if (character == '"') inString = false;
            }
            else if (character == '"') inString = true;
            else if (character is ':' or ',') builder.Append(' ');
        }
    }
}

/// <summary>A response with an exact status and a JSON body written in a provider's own style (or no body).</summary>
internal sealed class WireJsonResult(int statusCode, JsonNode? body, JsonStyle style) : IResult
{
    public int StatusCode { get; } = statusCode;

    public static WireJsonResult Empty(int statusCode) => new(statusCode, null, JsonStyle.Compact);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (body is null)
        {
            response.ContentLength = 0;
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(WireJson.Write(body, style));
        response.ContentType = "application/json";
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
