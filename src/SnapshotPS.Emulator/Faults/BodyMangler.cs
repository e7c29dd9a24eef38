using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Faults;

/// <summary>Runs the real operation and sends its status with the JSON answer changed by a <see cref="BodyMangle"/>.</summary>
internal static class BodyMangler
{
    private const string HugeNumber = "99999999999999999999999";

    public static async Task ServeAsync(HttpContext context, RequestDelegate next, BodyMangle mangle)
    {
        var body = await CapturedResponse.RunAsync(context, next);
        var response = context.Response;
        if (CapturedResponse.CannotHaveBody(response.StatusCode))
        {
            return;
        }

        var sent = TryParse(body) is { } node ? Encoding.UTF8.GetBytes(Apply(node, mangle)) : body;
        response.ContentLength = sent.Length;
        await response.Body.WriteAsync(sent, context.RequestAborted);
    }

    /// <summary>The mangled JSON text of a document.</summary>
    internal static string Apply(JsonNode node, BodyMangle mangle) => mangle switch
    {
        BodyMangle.NullIds => NullIds(node)?.ToJsonString() ?? "null",
        BodyMangle.WrongTypes => WrongTypes(node)?.ToJsonString() ?? "null",
        BodyMangle.Overflow => Overflow(node),
        BodyMangle.MissingFields => EmptyNested(node, depth: 0)?.ToJsonString() ?? "null",
        _ => throw new ArgumentOutOfRangeException(nameof(mangle), mangle, null),
    };

    private static JsonNode? TryParse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? NullIds(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(pair.Key, IsId(pair.Key) ? null : NullIds(pair.Value)))),
        JsonArray array => new JsonArray(array.Select(NullIds).ToArray()),
        _ => node?.DeepClone(),
    };

    private static bool IsId(string name) =>
        name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_id", StringComparison.OrdinalIgnoreCase) ||
        (name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal));

    private static JsonNode? WrongTypes(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(pair.Key, WrongTypes(pair.Value)))),
        JsonArray array => new JsonArray(array.Select(WrongTypes).ToArray()),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(12345),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => JsonValue.Create(value.ToJsonString()),
            _ => value.DeepClone(),
        },
        _ => JsonValue.Create("null"),
    };

    /// <summary>Numbers beyond 64 bits cannot live in a JsonNode, so the text is written by hand.</summary>
    private static string Overflow(JsonNode node)
    {
        var output = new StringBuilder();
        using var document = JsonDocument.Parse(node.ToJsonString());
        WriteOverflowing(document.RootElement, output);
        return output.ToString();
    }

    private static void WriteOverflowing(JsonElement element, StringBuilder output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                output.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject())
                {
                    output.Append(first ? "" : ",").Append(JsonSerializer.Serialize(property.Name)).Append(':');
                    WriteOverflowing(property.Value, output);
                    first = false;
                }

                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    output.Append(index++ == 0 ? "" : ",");
                    WriteOverflowing(item, output);
                }

                output.Append(']');
                break;
            case JsonValueKind.Number:
                output.Append(HugeNumber);
                break;
            default:
                output.Append(element.GetRawText());
                break;
        }
    }

    private static JsonNode? EmptyNested(JsonNode? node, int depth) => node switch
    {
        JsonObject when depth > 0 => new JsonObject(),
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(pair.Key, EmptyNested(pair.Value, depth + 1)))),
        JsonArray array => new JsonArray(array.Select(item => EmptyNested(item, depth + 1)).ToArray()),
        _ => node?.DeepClone(),
    };
}
