using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Faults;

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
                var armed = faults.Add(FaultRuleJson.Read(await AdminJson.ReadObjectAsync(context.Request)));
                return AdminJson.Ok(new JsonObject
                {
                    ["id"] = armed.Id,
                    ["seed"] = armed.Seed,
                    ["armed"] = faults.ArmedCount,
                });
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException)
            {
                return AdminJson.Problem(exception.Message);
            }
        });

        admin.MapGet("/faults", () => AdminJson.Ok(new JsonObject
        {
            ["rules"] = new JsonArray(faults.Rules.Select(armed => (JsonNode)FaultRuleJson.Describe(armed)).ToArray()),
            ["hits"] = faults.Hits.Count,
            ["hitsByKind"] = new JsonObject(faults.Hits.GroupBy(hit => hit.Kind.ToString())
                .Select(group => KeyValuePair.Create(group.Key, (JsonNode?)group.Count()))),
        }));

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
                ["faults"] = "GET/POST/DELETE " + ProviderDirectory.AdminPrefix + "/faults",
                ["faultKinds"] = new JsonArray(Enum.GetNames<FaultKind>().Select(name => (JsonNode)name).ToArray()),
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
