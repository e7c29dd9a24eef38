using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.CloudMC;

/// <summary>
/// One CloudMC error: its numeric code (the docs' "code") and the string go-cloudca reads as
/// "errorCode". Only 2012 (wrong state) appears in the docs; the other codes are UNVERIFIED.
/// </summary>
internal sealed record CloudMCError(int Code, string Name)
{
    public static readonly CloudMCError Authentication = new(1001, "AUTHENTICATION_FAILED");
    public static readonly CloudMCError Forbidden = new(1002, "ACCESS_DENIED");
    public static readonly CloudMCError NotFound = new(2011, "ENTITY_NOT_FOUND");
    public static readonly CloudMCError IllegalState = new(2012, "ILLEGAL_STATE");
    public static readonly CloudMCError DuplicateName = new(2013, "DUPLICATE_NAME");
    public static readonly CloudMCError InvalidParameter = new(2014, "INVALID_PARAMETER");
    public static readonly CloudMCError MissingParameter = new(2015, "MISSING_PARAMETER");
    public static readonly CloudMCError UnknownOperation = new(2016, "UNKNOWN_OPERATION");
    public static readonly CloudMCError MethodNotAllowed = new(2017, "METHOD_NOT_ALLOWED");
}

/// <summary>{"errors": [{"code" | "errorCode", "message", "context"}]} with the documented statuses (reference §7).</summary>
internal static class CloudMCErrors
{
    public static IResult Error(CloudMCDialect dialect, int status, CloudMCError error, string message, JsonObject? context = null)
    {
        var entry = new JsonObject();
        if (dialect.NumericErrorCodes) entry["code"] = error.Code;
        else entry["errorCode"] = error.Name;
        entry["message"] = message;
        if (context is not null) entry["context"] = context;
        return new WireJsonResult(status, new JsonObject { ["errors"] = new JsonArray(entry) }, JsonStyle.Compact);
    }

    public static IResult NotFound(CloudMCDialect dialect, string type, string id) =>
        Error(dialect, StatusCodes.Status404NotFound, CloudMCError.NotFound, $"No {type} with id {id} was found", new JsonObject { ["id"] = id, ["type"] = type });

    public static IResult Invalid(CloudMCDialect dialect, string field, string message) =>
        Error(dialect, StatusCodes.Status400BadRequest, CloudMCError.InvalidParameter, message, new JsonObject { ["field"] = field });

    public static IResult WrongState(CloudMCDialect dialect, string type, string id, string currentState, params string[] expected) =>
        Error(dialect, StatusCodes.Status400BadRequest, CloudMCError.IllegalState,
            $"The {type.TrimEnd('s')} must be in the {string.Join(" or ", expected)} state", new JsonObject
            {
                ["id"] = id,
                ["currentState"] = currentState,
                ["expectedStates"] = new JsonArray(expected.Select(state => (JsonNode)state).ToArray()),
                ["type"] = type,
            });

    public static IResult Unauthenticated(CloudMCDialect dialect, bool missing) =>
        Error(dialect, dialect.AuthFailureStatus, CloudMCError.Authentication,
            missing ? "The MC-Api-Key header is missing" : "The API key is invalid");

    public static IResult UnknownPath(CloudMCDialect dialect, PathString path) =>
        Error(dialect, StatusCodes.Status404NotFound, CloudMCError.NotFound, $"Unknown endpoint {path}");

    /// <summary>An injected status: the error shape of the dialect, with the status's reason phrase.</summary>
    public static IResult Fault(CloudMCDialect dialect, int status, string? errorCode)
    {
        var phrase = ReasonPhrases.GetReasonPhrase(status);
        var entry = new JsonObject();
        JsonNode code = errorCode is null
            ? (dialect.NumericErrorCodes ? (JsonNode)status : phrase.Length == 0 ? "ERROR" : phrase.ToUpperInvariant().Replace(' ', '_'))
            : dialect.NumericErrorCodes && int.TryParse(errorCode, out var numeric) ? (JsonNode)numeric : errorCode;
        entry[dialect.NumericErrorCodes ? "code" : "errorCode"] = code;
        entry["message"] = phrase.Length == 0 ? "Error" : phrase;
        return new WireJsonResult(status, new JsonObject { ["errors"] = new JsonArray(entry) }, JsonStyle.Compact);
    }
}
