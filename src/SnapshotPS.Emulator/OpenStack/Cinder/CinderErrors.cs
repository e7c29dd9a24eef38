using System.Globalization;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>Cinder's fault bodies (reference B.8): {"&lt;key&gt;": {"code", "message"}}, the key chosen by the status.</summary>
internal static class CinderErrors
{
    public static OpenStackReply Fault(int statusCode, string message, string? key = null, string? retryAfter = null)
    {
        var fault = new JsonObject { ["code"] = statusCode, ["message"] = message };
        if (key == "overLimitFault") fault["details"] = "Only 10 POST request(s) can be made to * every minute.";
        Dictionary<string, string>? headers = null;
        if (statusCode == StatusCodes.Status413PayloadTooLarge && retryAfter is not null)
        {
            fault["retryAfter"] = retryAfter;
            headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter };
        }

        return new OpenStackReply(statusCode, new JsonObject { [key ?? KeyFor(statusCode)] = fault }, computeRequestId: true, headers);
    }

    public static OpenStackReply BadRequest(string message) => Fault(StatusCodes.Status400BadRequest, message);

    public static OpenStackReply NotFound(string message) => Fault(StatusCodes.Status404NotFound, message);

    public static OpenStackReply SnapshotNotFound(string id) => NotFound($"Snapshot {id} could not be found.");

    public static OpenStackReply Forbidden(string action) =>
        Fault(StatusCodes.Status403Forbidden, $"Policy doesn't allow {action} to be performed.");

    /// <summary>A quota failure: 413 overLimit with Retry-After 0, which clients must not retry (reference B.9).</summary>
    public static OpenStackReply OverQuota(string message) => Fault(StatusCodes.Status413PayloadTooLarge, message, "overLimit", "0");

    /// <summary>The rate limiter's 413: overLimitFault with a details line and Retry-After, the one 413 clients retry.</summary>
    public static OpenStackReply RateLimited(int retryAfterSeconds)
    {
        var seconds = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return new OpenStackReply(StatusCodes.Status413PayloadTooLarge, new JsonObject
        {
            ["overLimitFault"] = new JsonObject
            {
                ["code"] = 413,
                ["message"] = "This request was rate-limited.",
                ["details"] = "Only 10 POST request(s) can be made to * every minute.",
                ["retryAfter"] = seconds,
            },
        }, computeRequestId: true, new Dictionary<string, string> { ["Retry-After"] = seconds });
    }

    /// <summary>The message of an injected fault: the rate limiter's for overLimitFault, the reason phrase otherwise.</summary>
    public static string InjectedMessage(int statusCode, string? key) => key == "overLimitFault"
        ? "This request was rate-limited."
        : (Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error") + ".";

    public static string KeyFor(int statusCode) => statusCode switch
    {
        400 => "badRequest",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "itemNotFound",
        405 => "badMethod",
        409 => "conflictingRequest",
        413 => "overLimit",
        415 => "badMediaType",
        501 => "notImplemented",
        503 => "serviceUnavailable",
        _ => "computeFault",
    };
}
