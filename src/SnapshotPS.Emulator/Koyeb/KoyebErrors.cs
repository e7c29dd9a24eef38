using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Koyeb;

/// <summary>
/// Koyeb's error bodies (reference §7): ErrorWithFields for 400, Error for 401, 403, 404, 500 and 503,
/// google.rpc.Status for anything else. Every status is the HTTP status; every code a machine string.
/// </summary>
internal static class KoyebErrors
{
    public static IResult Error(int status, string code, string message) => Json(status, new JsonObject
    {
        ["status"] = status,
        ["code"] = code,
        ["message"] = message,
    });

    public static IResult InvalidArgument(IEnumerable<(string Field, string Description)> fields, string message = "Invalid argument") =>
        Json(StatusCodes.Status400BadRequest, new JsonObject
        {
            ["status"] = StatusCodes.Status400BadRequest,
            ["code"] = "invalid_argument",
            ["message"] = message,
            ["fields"] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject { ["field"] = f.Field, ["description"] = f.Description }).ToArray()),
        });

    public static IResult InvalidArgument(string field, string description) => InvalidArgument([(field, description)]);

    public static IResult Unauthenticated() =>
        Error(StatusCodes.Status401Unauthorized, "authentication_error", "Request unauthenticated with bearer");

    /// <summary>"Snapshot not found" by analogy with the documented "App not found" (UNVERIFIED).</summary>
    public static IResult NotFound(string resource) => Error(StatusCodes.Status404NotFound, "unknown_resource", $"{resource} not found");

    public static IResult RpcStatus(int status, int code, string message) => Json(status, new JsonObject
    {
        ["code"] = code,
        ["message"] = message,
        ["details"] = new JsonArray(),
    });

    /// <summary>An injected status in the shape the spec gives it; errorCode, when given, replaces the code.</summary>
    public static IResult GatewayFault(int status, string? errorCode)
    {
        var phrase = ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } known ? known : "Error";
        if (int.TryParse(errorCode, out var rpc)) return RpcStatus(status, rpc, phrase);
        return status switch
        {
            400 => Json(status, new JsonObject
            {
                ["status"] = status, ["code"] = errorCode ?? "invalid_argument", ["message"] = phrase, ["fields"] = new JsonArray(),
            }),
            401 => Error(status, errorCode ?? "authentication_error", "Request unauthenticated with bearer"),
            403 => Error(status, errorCode ?? "authorization_required", "Forbidden"),
            404 => Error(status, errorCode ?? "unknown_resource", "Not found"),
            // UNVERIFIED: the 429 body; the intro documents the code rate_limit_error.
            429 => Error(status, errorCode ?? "rate_limit_error", "Too Many Requests: you exceeded the rate limit"),
            500 or 503 => Error(status, errorCode ?? "api_error", phrase),
            _ when errorCode is not null => Error(status, errorCode, phrase),
            _ => RpcStatus(status, RpcCodeOf(status), phrase),
        };
    }

    public static IResult UnknownPath(PathString path) => Error(StatusCodes.Status404NotFound, "unknown_resource", $"no route for {path}");

    public static IResult Json(int status, JsonNode body) => new WireJsonResult(status, body, JsonStyle.Compact);

    /// <summary>The gRPC code a gateway maps to the HTTP status (grpc-gateway's table, read backwards).</summary>
    private static int RpcCodeOf(int status) => status switch
    {
        402 or 412 => 9, // FAILED_PRECONDITION
        408 or 504 => 4, // DEADLINE_EXCEEDED
        409 => 10, // ABORTED
        501 => 12, // UNIMPLEMENTED
        502 => 14, // UNAVAILABLE
        _ => 2, // UNKNOWN
    };
}
