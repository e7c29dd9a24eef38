using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Hosting;

/// <summary>Lenient readers for the admin surface's JSON bodies; they throw FormatException with a plain message.</summary>
internal static class AdminJson
{
    /// <summary>An empty body reads as {}.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            var node = JsonNode.Parse(text);
            return node as JsonObject ?? throw new FormatException("The body must be a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new FormatException("The body is not valid JSON: " + exception.Message);
        }
    }

    public static string? String(JsonObject body, string name) => Get(body, name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        var other => throw new FormatException($"'{name}' must be a string, not {other.ToJsonString()}."),
    };

    public static double? Number(JsonObject body, string name) => Get(body, name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out double number) => number,
        JsonValue value when value.TryGetValue(out string? text) &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        var other => throw new FormatException($"'{name}' must be a number, not {other.ToJsonString()}."),
    };

    public static int? Integer(JsonObject body, string name)
    {
        var number = Number(body, name);
        if (number is null)
        {
            return null;
        }

        if (number != Math.Floor(number.Value) || number is < int.MinValue or > int.MaxValue)
        {
            throw new FormatException($"'{name}' must be an integer.");
        }

        return (int)number.Value;
    }

    public static bool? Boolean(JsonObject body, string name) => Get(body, name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        var other => throw new FormatException($"'{name}' must be true or false, not {other.ToJsonString()}."),
    };

    /// <summary>A count: absent is 0, negative is refused.</summary>
    public static int Count(JsonObject body, string name) => Integer(body, name) switch
    {
        null => 0,
        < 0 => throw new FormatException($"'{name}' must be a count (0 or more)."),
        var count => count.Value,
    };

    /// <summary>A non-negative number of seconds; null when absent.</summary>
    public static TimeSpan? Seconds(JsonObject body, string name) => Number(body, name) switch
    {
        null => null,
        < 0 => throw new FormatException($"'{name}' cannot be negative."),
        var seconds => TimeSpan.FromSeconds(seconds.Value),
    };

    /// <summary>Reads the body, runs the action, and answers 200 with its result or 400 with the argument problem.</summary>
    public static async Task<IResult> Guarded(HttpRequest request, Func<JsonObject, JsonObject> action)
    {
        try
        {
            return Ok(action(await ReadObjectAsync(request)));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return Problem(exception.Message);
        }
    }

    public static IResult Problem(string message) =>
        new WireJsonResult(StatusCodes.Status400BadRequest, new JsonObject { ["error"] = message }, JsonStyle.Compact);

    public static IResult Ok(JsonNode body) => new WireJsonResult(StatusCodes.Status200OK, body, JsonStyle.Compact);

    /// <summary>Property lookup that ignores case, so "pathContains" and "PathContains" both work.</summary>
    private static JsonNode? Get(JsonObject body, string name) =>
        body.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
