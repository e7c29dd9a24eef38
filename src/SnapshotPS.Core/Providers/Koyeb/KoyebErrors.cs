using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Koyeb;

/// <summary>
/// Reads Koyeb's three error shapes (reference §7): ErrorWithFields (400, a superset of Error), Error
/// (401, 403, 404, 500, 503) and google.rpc.Status (anything else, its code a gRPC number).
/// </summary>
internal static class KoyebErrors
{
    public static CloudApiException From(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        KoyebErrorBody? error = null;
        try
        {
            if (text.Length > 0) error = JsonSerializer.Deserialize(text, KoyebJsonContext.Default.KoyebErrorBody);
        }
        catch (JsonException)
        {
            // A gateway may answer with a body that is not JSON; the status then speaks for it.
        }

        var textCode = error?.Code is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
        var rpcCode = error?.Code is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var number) ? number : (int?)null;
        var kind = KindOf(textCode, rpcCode, status);

        var message = new StringBuilder("Koyeb: ")
            .Append(error?.Message is { Length: > 0 } said ? said.TrimEnd('.') : response.ReasonPhrase ?? $"HTTP {status}");
        var fields = error?.Fields?.Where(f => f is not null && (f.Field is not null || f.Description is not null)).ToList();
        if (fields is { Count: > 0 })
            message.Append(": ").Append(string.Join("; ", fields.Select(f => $"Field {f!.Field}: {f.Description}")));
        if (rpcCode is int rpc) message.Append(" (gRPC status ").Append(RpcName(rpc)).Append(')');
        if (kind == CloudErrorKind.Unauthenticated) message.Append(". The token is invalid or expired: create one at https://app.koyeb.com/user/settings/api");
        if (kind == CloudErrorKind.Throttled)
        {
            message.Append(". Koyeb's rate limit was exceeded; try again in a few seconds");
            if (RetryAfterReader.Read(response) is { } wait) message.Append($" (retry after {wait.TotalSeconds:0} s)");
        }
        message.Append('.');

        return new CloudApiException(CloudProvider.Koyeb, kind, message.ToString(), status,
            textCode ?? (rpcCode is int code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : status == 429 ? "rate_limit_error" : null),
            RequestIdOf(response), isRetryable: kind is CloudErrorKind.Throttled or CloudErrorKind.ServerError);
    }

    public static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values) ? values.FirstOrDefault() : null;

    private static CloudErrorKind KindOf(string? code, int? rpcCode, int status) => code switch
    {
        "invalid_argument" => CloudErrorKind.InvalidArgument,
        "unknown_resource" => CloudErrorKind.NotFound,
        "authentication_error" => CloudErrorKind.Unauthenticated,
        // The intro's 403 example says authentication_required: on a 403 it means a missing right.
        "authentication_required" => status == 403 ? CloudErrorKind.PermissionDenied : CloudErrorKind.Unauthenticated,
        "authorization_required" => CloudErrorKind.PermissionDenied,
        "rate_limit_error" => CloudErrorKind.Throttled,
        _ => rpcCode switch
        {
            3 or 11 => CloudErrorKind.InvalidArgument,
            5 => CloudErrorKind.NotFound,
            6 or 9 or 10 => CloudErrorKind.Conflict,
            7 => CloudErrorKind.PermissionDenied,
            8 => CloudErrorKind.Throttled,
            16 => CloudErrorKind.Unauthenticated,
            4 => CloudErrorKind.Timeout,
            13 or 14 or 15 => CloudErrorKind.ServerError,
            _ => CloudErrorKinds.FromStatus(status),
        },
    };

    private static string RpcName(int code) => code switch
    {
        1 => "CANCELLED", 2 => "UNKNOWN", 3 => "INVALID_ARGUMENT", 4 => "DEADLINE_EXCEEDED", 5 => "NOT_FOUND",
        6 => "ALREADY_EXISTS", 7 => "PERMISSION_DENIED", 8 => "RESOURCE_EXHAUSTED", 9 => "FAILED_PRECONDITION",
        10 => "ABORTED", 11 => "OUT_OF_RANGE", 12 => "UNIMPLEMENTED", 13 => "INTERNAL", 14 => "UNAVAILABLE",
        15 => "DATA_LOSS", 16 => "UNAUTHENTICATED", _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
