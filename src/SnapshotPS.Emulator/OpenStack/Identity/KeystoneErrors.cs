using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace SnapshotPS.Emulator.OpenStack.Identity;

/// <summary>Keystone's error body {"error": {"code", "title", "message"}} (reference A.3); a 401 also names the identity URL.</summary>
internal static class KeystoneErrors
{
    public const string AuthenticationRequired = "The request you have made requires authentication.";

    public static OpenStackReply Error(int statusCode, string message, string? identityUrl = null, string? title = null, bool computeRequestId = false)
    {
        var headers = statusCode == StatusCodes.Status401Unauthorized && identityUrl is not null
            ? new Dictionary<string, string> { ["WWW-Authenticate"] = $"Keystone uri=\"{identityUrl}\"" }
            : null;
        return new OpenStackReply(statusCode, Body(statusCode, message, title), computeRequestId, headers);
    }

    public static JsonObject Body(int statusCode, string message, string? title = null) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = statusCode,
            ["title"] = title ?? Title(statusCode),
            ["message"] = message,
        },
    };

    public static OpenStackReply Unauthorized(string identityUrl, string message = AuthenticationRequired) =>
        Error(StatusCodes.Status401Unauthorized, message, identityUrl);

    /// <summary>keystonemiddleware's 401 in front of Cinder, which also carries x-compute-request-id like Cinder's errors.</summary>
    public static OpenStackReply ServiceUnauthorized(string identityUrl) =>
        Error(StatusCodes.Status401Unauthorized, AuthenticationRequired, identityUrl, computeRequestId: true);

    /// <summary>Keystone's ValidationError wording for a missing or malformed attribute.</summary>
    public static OpenStackReply Validation(string attribute, string target) => Error(StatusCodes.Status400BadRequest,
        $"Expecting to find {attribute} in {target}. The server could not comply with the request since it is either malformed or " +
        "otherwise incorrect. The client is assumed to be in error.");

    public static string Title(int statusCode) => ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error";
}
