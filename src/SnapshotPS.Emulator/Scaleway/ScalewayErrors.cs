using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Scaleway;

internal enum ScalewayApi
{
    /// <summary>/instance/v1: spaced JSON, error keys in the observed order.</summary>
    Instance,

    /// <summary>/block/v1: compact JSON, error keys sorted (as observed).</summary>
    Block,
}

/// <summary>Scaleway error bodies (reference section 6).</summary>
internal static class ScalewayErrors
{
    public static WireJsonResult Json(ScalewayApi api, int statusCode, JsonNode body) => api == ScalewayApi.Instance
        ? new WireJsonResult(statusCode, body, JsonStyle.Spaced)
        : new WireJsonResult(statusCode, body, JsonStyle.Compact);

    public static IResult NotFound(ScalewayApi api, string resource, string resourceId) => Error(api, StatusCodes.Status404NotFound, new JsonObject
    {
        ["type"] = "not_found",
        ["message"] = "resource is not found",
        ["resource"] = resource,
        ["resource_id"] = resourceId,
    });

    public static IResult InvalidArgument(ScalewayApi api, string argument, string reason, string help) =>
        InvalidArguments(api, [Detail(argument, reason, help)]);

    public static IResult InvalidArguments(ScalewayApi api, IEnumerable<JsonObject> details) => Error(api, StatusCodes.Status400BadRequest, new JsonObject
    {
        ["type"] = "invalid_arguments",
        ["message"] = "invalid argument(s)",
        ["details"] = new JsonArray(details.Select(detail => (JsonNode)detail).ToArray()),
    });

    public static JsonObject Detail(string argument, string reason, string help) => new()
    {
        ["argument_name"] = argument,
        ["reason"] = reason,
        ["help_message"] = help,
    };

    public static IResult TransientState(ScalewayApi api, string resource, string resourceId, string currentState) =>
        Error(api, StatusCodes.Status409Conflict, new JsonObject
        {
            ["current_state"] = currentState,
            ["message"] = "resource is in a transient state",
            ["resource"] = resource,
            ["resource_id"] = resourceId,
            ["type"] = "transient_state",
        });

    public static IResult PreconditionFailed(ScalewayApi api, string precondition, string help) =>
        Error(api, StatusCodes.Status412PreconditionFailed, new JsonObject
        {
            ["help_message"] = help,
            ["message"] = "precondition is not respected",
            ["precondition"] = precondition,
            ["type"] = "precondition_failed",
        });

    /// <summary>400 invalid_request_error, the shape the QCOW2 import refusals take (reference 3.2).</summary>
    public static IResult InvalidRequest(ScalewayApi api, string message) =>
        Error(api, StatusCodes.Status400BadRequest, new JsonObject
        {
            ["message"] = message,
            ["type"] = "invalid_request_error",
        });

    public static IResult PermissionsDenied(ScalewayApi api, string action, string resource) =>
        Error(api, StatusCodes.Status403Forbidden, new JsonObject
        {
            ["details"] = new JsonArray(new JsonObject { ["action"] = action, ["resource"] = resource }),
            ["message"] = "insufficient permissions",
            ["type"] = "permissions_denied",
        });

    /// <summary>401 from the API gateway; reason is invalid_argument (empty or malformed key) or not_found.</summary>
    public static IResult DeniedAuthentication(string reason) => new WireJsonResult(StatusCodes.Status401Unauthorized, new JsonObject
    {
        ["message"] = "authentication is denied",
        ["method"] = "api_key",
        ["reason"] = reason,
        ["type"] = "denied_authentication",
    }, JsonStyle.Compact);

    public static IResult UnknownPath(PathString path) => new WireJsonResult(StatusCodes.Status404NotFound, new JsonObject
    {
        ["type"] = "not_found",
        ["message"] = $"no such API route: {path}",
    }, JsonStyle.Compact);

    /// <summary>
    /// An injected gateway status: 429 has an empty body (observed), anything else a small type/message
    /// JSON; errorType, when given, is the body's type (a 429 then has a body too).
    /// </summary>
    public static IResult GatewayFault(int statusCode, string? errorType = null)
    {
        if (statusCode == StatusCodes.Status429TooManyRequests && errorType is null)
        {
            return WireJsonResult.Empty(statusCode);
        }

        var phrase = ReasonPhrases.GetReasonPhrase(statusCode);
        phrase = phrase.Length == 0 ? "error" : phrase.ToLowerInvariant();
        return new WireJsonResult(statusCode, new JsonObject
        {
            ["type"] = errorType ?? phrase.Replace(' ', '_').Replace("-", "_", StringComparison.Ordinal),
            ["message"] = phrase,
        }, JsonStyle.Compact);
    }

    private static IResult Error(ScalewayApi api, int statusCode, JsonObject body) =>
        Json(api, statusCode, api == ScalewayApi.Block ? WireJson.SortKeys(body)! : body);
}
