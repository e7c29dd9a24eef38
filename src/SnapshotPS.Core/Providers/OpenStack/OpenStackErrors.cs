using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>
/// Cinder faults ({"itemNotFound": {"code", "message"}}, reference B.8) and Keystone errors
/// ({"error": {"code", "title", "message"}}, A.3, also sent by keystonemiddleware in front of
/// Cinder) into CloudApiException, with the request id.
/// </summary>
internal static class OpenStackErrors
{
    public const string RateLimitedKey = "overLimitFault";

    public static CloudApiException From(HttpResponseMessage response, ReadOnlyMemory<byte> body, string service)
    {
        var status = (int)response.StatusCode;
        var (key, message) = Parse(body.Span);
        var kind = KindOf(key, status);
        var text = $"OpenStack {service}: " + (message is { Length: > 0 } said ? said.TrimEnd() : response.ReasonPhrase ?? $"HTTP {status}");
        if (kind == CloudErrorKind.Throttled && RetryAfterReader.Read(response) is { } wait) text += $" (retry after {wait.TotalSeconds:0} s)";
        if (kind == CloudErrorKind.QuotaExceeded) text += " (a quota: retrying will not help until snapshots or gigabytes are freed or the quota is raised)";
        return new CloudApiException(CloudProvider.OpenStack, kind, text, status, key ?? (status == 429 ? "tooManyRequests" : null), RequestIdOf(response),
            isRetryable: kind is CloudErrorKind.Throttled or CloudErrorKind.ServerError);
    }

    /// <summary>The fault's top-level key (itemNotFound, error, ...) and its message, when the body is one.</summary>
    public static (string? Key, string? Message) Parse(ReadOnlySpan<byte> body)
    {
        if (body.Length == 0) return (null, null);
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, null);
            var fault = document.RootElement.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.Object);
            if (fault.Value.ValueKind != JsonValueKind.Object) return (null, null);
            var message = Text(fault.Value, "message");
            if (fault.Name == "error" && Text(fault.Value, "title") is { Length: > 0 } title && message is not null && !message.StartsWith(title, StringComparison.Ordinal))
                message = $"{title}: {message}";
            if (Text(fault.Value, "details") is { Length: > 0 } details) message = $"{message} {details}";
            return (fault.Name, message);
        }
        catch (JsonException)
        {
            return (null, null); // a proxy's HTML page: the status speaks for it
        }
    }

    /// <summary>True for Cinder's rate limiter (413 overLimitFault), which may be retried after Retry-After; a quota's 413 overLimit may not (B.9).</summary>
    public static bool IsRateLimited(HttpResponseMessage response, ReadOnlySpan<byte> body) =>
        (int)response.StatusCode == 413 && Parse(body).Key == RateLimitedKey;

    public static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-openstack-request-id", out var ids) ? ids.FirstOrDefault()
        : response.Headers.TryGetValues("x-compute-request-id", out var computeIds) ? computeIds.FirstOrDefault()
        : null;

    private static CloudErrorKind KindOf(string? key, int status) => key switch
    {
        "itemNotFound" => CloudErrorKind.NotFound,
        "badRequest" or "badMediaType" or "badMethod" => CloudErrorKind.InvalidArgument,
        "unauthorized" => CloudErrorKind.Unauthenticated,
        "forbidden" => CloudErrorKind.PermissionDenied,
        "conflictingRequest" => CloudErrorKind.Conflict,
        "overLimit" => CloudErrorKind.QuotaExceeded,
        RateLimitedKey => CloudErrorKind.Throttled,
        "serviceUnavailable" => CloudErrorKind.ServerError,
        _ => status switch
        {
            400 or 406 => CloudErrorKind.InvalidArgument,
            401 => CloudErrorKind.Unauthenticated,
            403 => CloudErrorKind.PermissionDenied,
            404 => CloudErrorKind.NotFound,
            409 => CloudErrorKind.Conflict,
            413 => CloudErrorKind.QuotaExceeded,
            429 => CloudErrorKind.Throttled,
            >= 500 => CloudErrorKind.ServerError,
            _ => CloudErrorKind.Unknown,
        },
    };

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An answer that is not the reply its request expects.</summary>
    public static CloudApiException InvalidReply(HttpRequestMessage request, HttpResponseMessage response, string service, string problem, Exception? cause = null)
    {
        var mayHaveSucceeded = !request.IsIdempotent();
        return new CloudApiException(CloudProvider.OpenStack, CloudErrorKind.InvalidResponse,
            $"OpenStack {service} answered {request.Method} {HttpTrace.Redact(request.RequestUri)} with HTTP {(int)response.StatusCode} and an invalid reply: {problem}." +
            (mayHaveSucceeded ? " The request may have been carried out; check with Get-CloudSnapshot before sending it again." : ""),
            (int)response.StatusCode, requestId: RequestIdOf(response), mayHaveSucceeded: mayHaveSucceeded, innerException: cause);
    }
}
