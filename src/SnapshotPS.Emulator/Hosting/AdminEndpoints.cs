using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Hosting;

/// <summary>The /_emulator surface: what is served, fault rules, and the request log.</summary>
internal static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder admin, ProviderDirectory providers, FaultInjector faults, RequestLog log)
    {
        admin.MapGet("/", (HttpContext context) => AdminJson.Ok(Describe(BaseAddressOf(context), providers, faults, log)));

        admin.MapPost("/faults", async (HttpContext context) =>
        {
            try
            {
                var rule = ReadFaultRule(await AdminJson.ReadObjectAsync(context.Request));
                faults.Add(rule);
                return AdminJson.Ok(new JsonObject { ["armed"] = faults.ArmedCount });
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException)
            {
                return AdminJson.Problem(exception.Message);
            }
        });

        admin.MapDelete("/faults", () =>
        {
            faults.Clear();
            return WireJsonResult.Empty(StatusCodes.Status204NoContent);
        });

        admin.MapGet("/requests", () => AdminJson.Ok(new JsonArray(log.Snapshot().Select(request => (JsonNode)new JsonObject
        {
            ["provider"] = request.Provider,
            ["method"] = request.Method,
            ["path"] = request.Path,
            ["query"] = request.Query,
            ["body"] = request.Body,
            ["receivedAt"] = WireJson.FormatDate(request.ReceivedAt),
        }).ToArray())));

        admin.MapDelete("/requests", () =>
        {
            log.Clear();
            return WireJsonResult.Empty(StatusCodes.Status204NoContent);
        });
    }

    /// <summary>
    /// Reads {"provider","method","pathContains","kind","statusCode","retryAfterSeconds","latencyMs","times"};
    /// "times": 0 or "forever": true arms the rule for good.
    /// </summary>
    internal static FaultRule ReadFaultRule(JsonObject body)
    {
        var kindText = AdminJson.String(body, "kind") ?? throw new FormatException("'kind' is required: Latency, Status, DropConnection or MalformedBody.");
        if (!Enum.TryParse<FaultKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new FormatException($"Unknown fault kind '{kindText}': use Latency, Status, DropConnection or MalformedBody.");
        }

        var times = AdminJson.Integer(body, "times") ?? 1;
        var forever = AdminJson.Boolean(body, "forever") ?? false;
        var latencyMs = AdminJson.Number(body, "latencyMs") ?? (AdminJson.Number(body, "latencySeconds") * 1000) ?? 0;
        var retryAfter = AdminJson.Number(body, "retryAfterSeconds");
        return new FaultRule
        {
            Provider = AdminJson.String(body, "provider") ?? "*",
            Method = AdminJson.String(body, "method"),
            PathContains = AdminJson.String(body, "pathContains"),
            Kind = kind,
            StatusCode = AdminJson.Integer(body, "statusCode") ?? 503,
            RetryAfter = retryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Latency = TimeSpan.FromMilliseconds(latencyMs),
            Times = forever || times == 0 ? int.MaxValue : times,
        };
    }

    private static JsonObject Describe(Uri baseAddress, ProviderDirectory providers, FaultInjector faults, RequestLog log)
    {
        var described = new JsonObject();
        foreach (var provider in providers.All)
        {
            described[provider.Name] = provider.Describe(baseAddress);
        }

        return new JsonObject
        {
            ["name"] = "SnapshotPS emulator",
            ["baseAddress"] = baseAddress.ToString(),
            ["admin"] = new JsonObject
            {
                ["faults"] = "POST/DELETE " + ProviderDirectory.AdminPrefix + "/faults",
                ["requests"] = "GET/DELETE " + ProviderDirectory.AdminPrefix + "/requests",
            },
            ["armedFaults"] = faults.ArmedCount,
            ["recordedRequests"] = log.Snapshot().Count,
            ["providers"] = described,
        };
    }

    private static Uri BaseAddressOf(HttpContext context) =>
        new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");
}
