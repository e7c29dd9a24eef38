using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Outscale.Api;

/// <summary>
/// A request body read member by member, strictly: every schema is additionalProperties: false. A member
/// that no accessor asked for is unknown (3001); a member of the wrong JSON type is 4110, and so is JSON
/// null, which no member of the spec allows (UNVERIFIED: the code for a null). Accessors return null for
/// absent members.
/// </summary>
internal sealed class OutscaleRequest
{
    private readonly JsonObject _json;
    private readonly string _path;
    private readonly SchemaProblems _problems;
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    private OutscaleRequest(JsonObject json, string path, SchemaProblems problems)
    {
        _json = json;
        _path = path;
        _problems = problems;
        problems.Readers.Add(this);
    }

    /// <summary>An empty body reads as {}; null when the body is not one JSON object.</summary>
    public static OutscaleRequest? Parse(ReadOnlyMemory<byte> body)
    {
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new OutscaleRequest([], "", new SchemaProblems());
        }

        try
        {
            // Touching every object makes duplicate member names throw here rather than later.
            return JsonNode.Parse(body.Span) is JsonObject json && Materialize(json)
                ? new OutscaleRequest(json, "", new SchemaProblems())
                : null;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    public string? String(string name) => Read(name, "a string",
        node => node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null);

    public long? Integer(string name) => Read<long?>(name, "an integer",
        node => node is JsonValue value && value.TryGetValue(out long number) ? number : null);

    public bool? Boolean(string name) => Read<bool?>(name, "true or false",
        node => node.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? node.GetValue<bool>() : null);

    public List<string>? Strings(string name) => Read(name, "an array of strings",
        node => node is JsonArray array && array.All(item => item?.GetValueKind() == JsonValueKind.String)
            ? array.Select(item => item!.GetValue<string>()).ToList()
            : null);

    public List<long>? Integers(string name) => Read(name, "an array of integers",
        node => node is JsonArray array && array.All(item => item is JsonValue value && value.TryGetValue(out long _))
            ? array.Select(item => item!.GetValue<long>()).ToList()
            : null);

    public OutscaleRequest? Object(string name) => Read(name, "an object",
        node => node is JsonObject json ? new OutscaleRequest(json, $"{_path}{name}.", _problems) : null);

    public List<OutscaleRequest>? Objects(string name) => Read(name, "an array of objects",
        node => node is JsonArray array && array.All(item => item is JsonObject)
            ? array.Select((item, index) => new OutscaleRequest((JsonObject)item!, $"{_path}{name}[{index}].", _problems)).ToList()
            : null);

    /// <summary>The full name of a member of this object, as errors show it: "Filters.SnapshotIds".</summary>
    public string PathOf(string name) => _path + name;

    /// <summary>Call once every member was asked for: an unknown member (3001) first, else the first type error (4110).</summary>
    public OutscaleError? SchemaError(string operation)
    {
        foreach (var reader in _problems.Readers)
        {
            var unknown = reader._json.Select(pair => pair.Key).FirstOrDefault(key => !reader._asked.Contains(key));
            if (unknown is not null)
            {
                return OutscaleErrors.UnknownMember(reader.PathOf(unknown), operation);
            }
        }

        return _problems.FirstTypeError;
    }

    private T? Read<T>(string name, string expected, Func<JsonNode, T?> convert)
    {
        _asked.Add(name);
        if (!_json.TryGetPropertyValue(name, out var node))
        {
            return default;
        }

        var value = node is null ? default : convert(node);
        if (value is null)
        {
            _problems.FirstTypeError ??= OutscaleErrors.WrongType(PathOf(name), expected);
        }

        return value;
    }

    private static bool Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (_, value) in json)
                {
                    Materialize(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }

        return true;
    }

    private sealed class SchemaProblems
    {
        public List<OutscaleRequest> Readers { get; } = [];

        public OutscaleError? FirstTypeError { get; set; }
    }
}
