using System.Globalization;
using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Faults;

/// <summary>Fault rules as the admin surface reads and shows them (POST/GET /_emulator/faults).</summary>
internal static class FaultRuleJson
{
    private static readonly string[] Members =
    [
        "provider", "method", "pathContains", "kind", "probability", "seed", "times", "forever", "afterRun",
        "statusCode", "errorCode", "retryAfterSeconds", "retryAfter", "latencyMs", "latencySeconds",
        "sentBytes", "chunkBytes", "body", "contentType", "preset", "mangle",
    ];

    /// <summary>
    /// Reads a rule; "times": 0 or "forever": true arms it for good. Unknown members are refused, so a
    /// misspelt setting never passes silently.
    /// </summary>
    public static FaultRule Read(JsonObject body)
    {
        var unknown = body.Select(pair => pair.Key).Where(key => !Members.Contains(key, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (unknown.Length > 0)
        {
            throw new FormatException($"Unknown member(s) {string.Join(", ", unknown.Select(key => $"'{key}'"))}; a fault rule has {string.Join(", ", Members)}.");
        }

        var kind = ReadEnum<FaultKind>(body, "kind") ?? throw new FormatException($"'kind' is required: {Names<FaultKind>()}.");
        var (cannedBody, cannedType) = ReadCanned(body);
        var times = AdminJson.Integer(body, "times") ?? 1;
        var forever = AdminJson.Boolean(body, "forever") ?? false;
        var latencyMs = AdminJson.Number(body, "latencyMs") ?? (AdminJson.Number(body, "latencySeconds") * 1000) ?? 0;
        var seed = AdminJson.Number(body, "seed");
        return new FaultRule
        {
            Provider = AdminJson.String(body, "provider") ?? "*",
            Method = AdminJson.String(body, "method"),
            PathContains = AdminJson.String(body, "pathContains"),
            Kind = kind,
            Probability = AdminJson.Number(body, "probability") ?? 1,
            Seed = seed is null ? null : AdminJson.Integer(body, "seed"),
            Times = forever || times == 0 ? int.MaxValue : times,
            AfterRun = AdminJson.Boolean(body, "afterRun") ?? false,
            StatusCode = AdminJson.Integer(body, "statusCode"),
            ErrorCode = Text(body, "errorCode"),
            RetryAfter = AdminJson.Seconds(body, "retryAfterSeconds"),
            RetryAfterText = Text(body, "retryAfter"),
            Latency = TimeSpan.FromMilliseconds(latencyMs),
            SentBytes = AdminJson.Integer(body, "sentBytes"),
            ChunkBytes = AdminJson.Integer(body, "chunkBytes") ?? 16,
            Body = cannedBody,
            ContentType = AdminJson.String(body, "contentType") ?? cannedType,
            Mangle = ReadEnum<BodyMangle>(body, "mangle") ?? BodyMangle.NullIds,
        };
    }

    /// <summary>What GET /_emulator/faults shows of an armed rule.</summary>
    public static JsonObject Describe(ArmedFault armed)
    {
        var rule = armed.Rule;
        var described = new JsonObject
        {
            ["id"] = armed.Id,
            ["kind"] = rule.Kind.ToString(),
            ["provider"] = rule.Provider,
            ["method"] = rule.Method,
            ["pathContains"] = rule.PathContains,
            ["probability"] = rule.Probability,
            ["seed"] = armed.Seed,
            ["times"] = rule.Times == int.MaxValue ? 0 : rule.Times,
            ["remaining"] = armed.Remaining == int.MaxValue ? null : armed.Remaining,
            ["matched"] = armed.Matched,
            ["hits"] = armed.Hits,
        };
        if (rule.AfterRun)
        {
            described["afterRun"] = true;
        }

        if (rule.StatusCode is { } status)
        {
            described["statusCode"] = status;
        }

        if (rule.Kind == FaultKind.MangledBody)
        {
            described["mangle"] = rule.Mangle.ToString();
        }

        return described;
    }

    private static (string? Body, string? ContentType) ReadCanned(JsonObject body)
    {
        var text = AdminJson.String(body, "body");
        if (AdminJson.String(body, "preset") is not { } name)
        {
            return (text, null);
        }

        if (text is not null)
        {
            throw new FormatException("Give either 'preset' or 'body', not both.");
        }

        return CannedBodies.Preset(name) is { } preset
            ? (preset.Body, preset.ContentType)
            : throw new FormatException($"Unknown preset '{name}': use {CannedBodies.PresetNames}.");
    }

    private static T? ReadEnum<T>(JsonObject body, string name)
        where T : struct, Enum
    {
        if (AdminJson.String(body, name) is not { } text)
        {
            return null;
        }

        return Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : throw new FormatException($"Unknown {name} '{text}': use {Names<T>()}.");
    }

    private static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());

    /// <summary>A string, or a number written as text (e.g. "errorCode": 25 or "retryAfter": 0.5).</summary>
    private static string? Text(JsonObject body, string name)
    {
        var node = body.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return node is JsonValue value && value.TryGetValue(out double number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : AdminJson.String(body, name);
    }
}
