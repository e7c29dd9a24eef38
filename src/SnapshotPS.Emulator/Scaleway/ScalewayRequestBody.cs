using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Scaleway;

/// <summary>
/// A JSON request body read field by field. Wrongly typed fields are collected as invalid_arguments
/// details; JSON null counts as absent.
/// </summary>
internal sealed class ScalewayRequestBody
{
    private readonly JsonObject _body;
    private readonly ScalewayApi _api;
    private readonly List<JsonObject> _problems = [];

    private ScalewayRequestBody(JsonObject body, ScalewayApi api)
    {
        _body = body;
        _api = api;
    }

    /// <summary>An empty body reads as {}; a body that is not a JSON object is an invalid_arguments error.</summary>
    public static async Task<(ScalewayRequestBody? Body, IResult? Error)> ReadAsync(HttpContext context, ScalewayApi api)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new ScalewayRequestBody([], api), null);
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject body)
            {
                return (new ScalewayRequestBody(body, api), null);
            }
        }
        catch (JsonException)
        {
        }

        return (null, ScalewayErrors.InvalidArgument(api, "body", "format", "the request body must be a JSON object"));
    }

    public bool Has(string name) => _body[name] is not null;

    public string? String(string name) =>
        TryRead(name, "must be a string", (JsonValue value, out string? text) => value.TryGetValue(out text), out var text) ? text : null;

    public string? Uuid(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        var id = ScalewayIds.Normalize(text);
        if (id is null)
        {
            Problem(name, "format", "must be a valid UUID");
        }

        return id;
    }

    public long? Integer(string name)
    {
        if (!TryRead(name, "must be an integer", (JsonValue value, out decimal parsed) => value.TryGetValue(out parsed), out var number))
        {
            return null;
        }

        if (number != decimal.Truncate(number) || number is < long.MinValue or > long.MaxValue)
        {
            Problem(name, "format", "must be an integer");
            return null;
        }

        return (long)number;
    }

    public bool? Boolean(string name) =>
        TryRead(name, "must be a boolean", (JsonValue value, out bool flag) => value.TryGetValue(out flag), out var flag) ? flag : null;

    public List<string>? StringList(string name)
    {
        var node = _body[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray array && array.All(item => item is JsonValue value && value.TryGetValue(out string? _)))
        {
            return array.Select(item => item!.GetValue<string>()).ToList();
        }

        Problem(name, "format", "must be an array of strings");
        return null;
    }

    public void Problem(string argument, string reason, string help) => _problems.Add(ScalewayErrors.Detail(argument, reason, help));

    public bool HasProblemWith(string argument) =>
        _problems.Any(problem => (string?)problem["argument_name"] == argument);

    public IResult? ProblemsResult() => _problems.Count == 0 ? null : ScalewayErrors.InvalidArguments(_api, _problems);

    private delegate bool ValueReader<T>(JsonValue value, out T result);

    /// <summary>False when the field is absent or of the wrong type (then a "format" problem is recorded).</summary>
    private bool TryRead<T>(string name, string help, ValueReader<T> tryRead, out T result)
    {
        result = default!;
        var node = _body[name];
        if (node is null)
        {
            return false;
        }

        if (node is JsonValue value && tryRead(value, out result))
        {
            return true;
        }

        Problem(name, "format", help);
        return false;
    }
}
