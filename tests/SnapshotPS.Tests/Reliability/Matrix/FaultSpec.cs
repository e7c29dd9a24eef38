using SnapshotPS.Emulator;

namespace SnapshotPS.Reliability;

/// <summary>A kind of fault with its settings, armed on some requests of a target with a probability and a seed.</summary>
public sealed record FaultSpec(string Label, FaultKind Kind)
{
    public int? Status { get; init; }
    public bool AfterRun { get; init; }
    /// <summary>The error code an Outscale status fault carries; Scaleway's keep their usual body.</summary>
    public string? OutscaleErrorCode { get; init; }
    public string? RetryAfter { get; init; }
    public string? Body { get; init; }
    public string? ContentType { get; init; }
    public BodyMangle Mangle { get; init; }
    public TimeSpan Latency { get; init; }
    public int ChunkBytes { get; init; } = 16;

    public FaultRule ToRule(RequestFilter filter, double probability, int seed) => new()
    {
        Provider = filter.Provider,
        Method = filter.Method,
        PathContains = filter.PathContains,
        Kind = Kind,
        Probability = probability,
        Seed = seed,
        Times = int.MaxValue,
        AfterRun = AfterRun,
        StatusCode = Status,
        ErrorCode = filter.Provider == "outscale" ? OutscaleErrorCode : null,
        RetryAfterText = RetryAfter,
        Body = Body,
        ContentType = ContentType,
        Mangle = Mangle,
        Latency = Latency,
        ChunkBytes = ChunkBytes,
    };

    /// <summary>
    /// Arms the specs so that together they hit <paramref name="share"/> of the filtered requests: each
    /// draws with the same probability, the first that hits decides, and spec i uses seed*100+i.
    /// </summary>
    public static void Arm(FaultInjector faults, IReadOnlyList<FaultSpec> specs, RequestFilter filter, double share, int seed)
    {
        var each = 1 - Math.Pow(1 - share, 1.0 / specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            faults.Add(specs[i].ToRule(filter, each, seed * 100 + i));
        }
    }
}

/// <summary>Which requests a fault may hit: a provider, a method (any when null), a path fragment.</summary>
public sealed record RequestFilter(string Provider, string? Method, string PathContains);

/// <summary>The fault sets of the matrix.</summary>
public static class FaultSets
{
    /// <summary>What retries cure on a read: refusals, 5xx, connections dropped, bodies cut off or stalled; plus slow answers that must not be mistaken for faults.</summary>
    public static readonly IReadOnlyList<FaultSpec> Transient =
    [
        new("503", FaultKind.Status) { Status = 503 },
        new("502", FaultKind.Status) { Status = 502 },
        new("500", FaultKind.Status) { Status = 500 },
        new("429 with a fractional Retry-After", FaultKind.Status) { Status = 429, RetryAfter = "0.01" },
        new("connection dropped", FaultKind.DropConnection),
        new("connection dropped after the operation ran", FaultKind.DropConnection) { AfterRun = true },
        new("body cut off", FaultKind.TruncatedBody),
        new("body stalled", FaultKind.StalledBody),
        new("slow body", FaultKind.SlowBody) { ChunkBytes = 8192, Latency = TimeSpan.FromMilliseconds(2) },
        new("latency", FaultKind.Latency) { Latency = TimeSpan.FromMilliseconds(10) },
    ];

    /// <summary>Faults on a create or delete: most after the server acted, some refusals before it did.</summary>
    public static readonly IReadOnlyList<FaultSpec> AfterTheServerActed =
    [
        new("connection dropped after the operation ran", FaultKind.DropConnection) { AfterRun = true },
        new("body cut off", FaultKind.TruncatedBody),
        new("body stalled", FaultKind.StalledBody),
        new("504 after the operation ran", FaultKind.Status) { Status = 504, AfterRun = true },
        new("500 after the operation ran", FaultKind.Status) { Status = 500, AfterRun = true },
        new("body cut in half", FaultKind.MalformedBody),
        new("{} after the operation ran", FaultKind.CannedBody) { Body = "{}", AfterRun = true },
        new("429 (Outscale code 25)", FaultKind.Status) { Status = 429, OutscaleErrorCode = "25" },
        new("503", FaultKind.Status) { Status = 503 },
        new("connection dropped", FaultKind.DropConnection),
    ];

    /// <summary>The transient faults that cost no waiting, for the long delete pipeline.</summary>
    public static readonly IReadOnlyList<FaultSpec> QuickTransient =
    [
        new("503", FaultKind.Status) { Status = 503 },
        new("connection dropped", FaultKind.DropConnection),
        new("connection dropped after the operation ran", FaultKind.DropConnection) { AfterRun = true },
        new("body cut off", FaultKind.TruncatedBody),
    ];

    /// <summary>Answers no client should take as success.</summary>
    public static readonly IReadOnlyList<FaultSpec> Malformed =
    [
        new("body cut in half", FaultKind.MalformedBody),
        new("body cut off in transfer", FaultKind.TruncatedBody),
        new("body stalled", FaultKind.StalledBody),
        new("HTML page with 200", FaultKind.CannedBody) { Status = 200, Body = CannedBodies.HtmlErrorPage, ContentType = CannedBodies.HtmlContentType },
        new("HTML page with 502", FaultKind.CannedBody) { Status = 502, Body = CannedBodies.HtmlErrorPage, ContentType = CannedBodies.HtmlContentType },
        new("HTML page with 503 (not throttling)", FaultKind.CannedBody) { Status = 503, Body = CannedBodies.HtmlErrorPage, ContentType = CannedBodies.HtmlContentType },
        new("empty 200", FaultKind.CannedBody) { Status = 200, Body = "" },
        new("{}", FaultKind.CannedBody) { Status = 200, Body = "{}" },
        new("null", FaultKind.CannedBody) { Status = 200, Body = "null" },
        new("[]", FaultKind.CannedBody) { Status = 200, Body = "[]" },
        new("a JSON string", FaultKind.CannedBody) { Status = 200, Body = "\"ok\"" },
        new("plain text", FaultKind.CannedBody) { Status = 200, Body = "OK", ContentType = "text/plain" },
        new("500 with a broken error body", FaultKind.CannedBody) { Status = 500, Body = "{\"Errors\":[" },
        new("503 that is not throttling", FaultKind.Status) { Status = 503, OutscaleErrorCode = "0" },
        new("null ids", FaultKind.MangledBody) { Mangle = BodyMangle.NullIds },
        new("wrong JSON types", FaultKind.MangledBody) { Mangle = BodyMangle.WrongTypes },
        new("numbers beyond 64 bits", FaultKind.MangledBody) { Mangle = BodyMangle.Overflow },
        new("missing fields", FaultKind.MangledBody) { Mangle = BodyMangle.MissingFields },
    ];
}
