using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Outscale;

/// <summary>One entry of an OAPI ErrorResponse and the HTTP status it travels with (reference section 8).</summary>
internal sealed record OutscaleError(int Status, string Code, string Type, string Details);

internal static class OutscaleErrors
{
    public static OutscaleError AuthenticationFailed(string details) => new(401, "1", "AccessDenied", details);

    public static OutscaleError LockedOut(TimeSpan remaining) => new(401, "13", "AccessDenied",
        $"Too many failed authentication attempts; authentication is locked for {Math.Ceiling(remaining.TotalSeconds):0} more seconds.");

    public static OutscaleError UnknownMember(string path, string operation) =>
        new(400, "3001", "InvalidParameter", $"The parameter '{path}' is not valid for {operation}.");

    public static OutscaleError Combination(string details) => new(400, "3002", "InvalidParameter", details);

    // UNVERIFIED: the code for a ClientToken replayed with other parameters; 3002 like other refused combinations.
    public static OutscaleError ClientTokenReused(string token) => Combination(
        $"The ClientToken '{token}' was already used with different parameters; use a new token, or repeat the first request unchanged.");

    public static OutscaleError WrongType(string path, string expected) =>
        new(400, "4110", "InvalidParameterValue", $"The value of '{path}' must be {expected}.");

    // UNVERIFIED: the code for an out-of-range or otherwise invalid value; 4047 is invalid-parameter-value.
    public static OutscaleError InvalidValue(string path, string details) =>
        new(400, "4047", "InvalidParameterValue", $"Invalid value for '{path}': {details}");

    public static OutscaleError InvalidTagKey(string path) =>
        new(400, "4069", "InvalidParameterValue", $"The tag key in '{path}' must be 1 to 255 characters long.");

    public static OutscaleError InvalidTagValue(string path) =>
        new(400, "4071", "InvalidParameterValue", $"The tag value in '{path}' must be at most 255 characters long.");

    public static OutscaleError InvalidIdPrefix(string path, string value, string expected) =>
        new(400, "4104", "InvalidParameterValue", $"The ID '{value}' in '{path}' does not start with {expected}.");

    public static OutscaleError MalformedId(string path, string value) =>
        new(400, "4105", "InvalidParameterValue", $"The ID '{value}' in '{path}' is malformed: expected 8 lowercase hexadecimal digits after the prefix.");

    // UNVERIFIED: the wording is modelled on a real image message ("The ImageId 'ami-…' doesn't exist.").
    public static OutscaleError NoSuchSnapshot(string id) => new(400, "5054", "InvalidResource", $"The SnapshotId '{id}' doesn't exist.");

    public static OutscaleError NoSuchVolume(string id) => new(400, "5064", "InvalidResource", $"The VolumeId '{id}' doesn't exist.");

    // UNVERIFIED: the HTTP status of no-such-task; 400 like the other InvalidResource errors.
    public static OutscaleError NoSuchTask(string id) => new(400, "5058", "InvalidResource", $"The ExportTaskId '{id}' doesn't exist.");

    // UNVERIFIED: code 6003 invalid-state from the SDKs' table. The spec documents 400, 401 and 500 for
    // DeleteSnapshot and only 200 for the export-task calls, never 409, so the refusal is the errors page's 400.
    public static OutscaleError InvalidState(string details) => new(400, "6003", "InvalidState", details);

    public static OutscaleError Missing(string path) => new(400, "7000", "MissingParameter", $"The parameter '{path}' is required.");

    public static OutscaleError UnsupportedRegion(string region) => new(400, "8019", "OperationNotSupported",
        $"The region '{region}' is not supported; use one of {string.Join(", ", OutscaleRegions.All)}.");

    // UNVERIFIED (reference 11): the current errors page (v1.39) no longer lists code 2 ErrorHttpMethodNotAllowed
    // (405, on older pages), so a method other than POST gets its one generic error: code 0 DefaultError, 400.
    public static OutscaleError MethodNotAllowed(string method) =>
        new(400, "0", "DefaultError", $"The HTTP method {method} is not allowed; every operation is called with POST.");

    // UNVERIFIED (reference 11): no code names an unknown operation; the errors page's generic error, code 0, 400.
    public static OutscaleError UnknownOperation(string path) => new(400, "0", "DefaultError", $"No operation is served at {path}.");

    public static OutscaleError UnreadableBody() => new(400, "4110", "InvalidParameterValue", "The request body must be a JSON object.");

    /// <summary>
    /// An injected gateway status (reference section 8): 429 per-account throttling (24) or per-call (25),
    /// 503 platform throttling (6), or, with another code, a generic error that is not throttling.
    /// </summary>
    public static OutscaleError GatewayFault(int statusCode, string? code = null)
    {
        code ??= statusCode switch
        {
            StatusCodes.Status429TooManyRequests => "24",
            StatusCodes.Status503ServiceUnavailable => "6",
            _ => null,
        };
        return code switch
        {
            "6" or "24" or "25" => new(statusCode, code, "AccessDenied", "Request rate exceeded."),
            null when statusCode == StatusCodes.Status401Unauthorized => AuthenticationFailed("Authentication failed."),
            _ => new(statusCode, code ?? "0", "DefaultError",
                ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase + "." : "Error."),
        };
    }

    public static IResult Result(OutscaleError error, string requestId) => new WireJsonResult(error.Status, new JsonObject
    {
        ["Errors"] = new JsonArray(new JsonObject
        {
            ["Code"] = error.Code,
            ["Type"] = error.Type,
            ["Details"] = error.Details,
        }),
        ["ResponseContext"] = OutscaleJson.ResponseContext(requestId),
    }, JsonStyle.Compact);
}
