using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>CloudMC's error bodies and statuses as CloudApiException (reference §7).</summary>
internal static class CloudMCErrors
{
    public static CloudApiException From(HttpRequestMessage request, HttpResponseMessage response, ErrorBody? body)
    {
        var status = (int)response.StatusCode;
        var entries = body?.Errors?.Where(e => e is not null).Select(e => e!).ToList() ?? new List<ErrorEntry>();
        var first = entries.FirstOrDefault();
        var code = first is null ? null : CodeOf(first);
        var kind = KindOf(status, first);
        var message = new StringBuilder("CloudMC: ");
        if (entries.Count == 0) message.Append(response.ReasonPhrase is { Length: > 0 } phrase ? phrase : "HTTP " + status).Append(" (no errors in the body)");
        else message.Append(string.Join("; ", entries.Select(Describe)));
        message.Append(" [").Append(request.Method).Append(' ').Append(HttpTrace.Redact(request.RequestUri)).Append(']');
        if (kind == CloudErrorKind.Unauthenticated || kind == CloudErrorKind.PermissionDenied)
            message.Append(". Check the API key and its rights on the service connection and environment");
        if (kind == CloudErrorKind.Throttled && RetryAfterReader.Read(response) is { } wait) message.Append($"; retry after {wait.TotalSeconds:0} s");
        var mayHaveSucceeded = status >= 200 && status < 300 && !request.IsIdempotent();
        if (mayHaveSucceeded) message.Append(". The request may have been carried out; check with Get-CloudSnapshot before sending it again");
        return new CloudApiException(CloudProvider.CloudMC, kind, message.Append('.').ToString(), status, code ?? (status == 429 ? "rate_limited" : null),
            isRetryable: kind is CloudErrorKind.Throttled or CloudErrorKind.ServerError, mayHaveSucceeded: mayHaveSucceeded);
    }

    public static CloudApiException InvalidReply(HttpRequestMessage request, HttpResponseMessage response, string problem, Exception? cause = null)
    {
        var mayHaveSucceeded = !request.IsIdempotent();
        return new CloudApiException(CloudProvider.CloudMC, CloudErrorKind.InvalidResponse,
            $"CloudMC answered {request.Method} {request.RequestUri?.AbsolutePath} with HTTP {(int)response.StatusCode} and an invalid reply: {problem}." +
            (mayHaveSucceeded ? " The request may have been carried out; check with Get-CloudSnapshot before sending it again." : ""),
            (int)response.StatusCode, mayHaveSucceeded: mayHaveSucceeded, innerException: cause);
    }

    /// <summary>"code" as a number or a string (the docs), else "errorCode" (go-cloudca).</summary>
    public static string? CodeOf(ErrorEntry entry) => Scalar(entry.Code) ?? Scalar(entry.ErrorCode);

    private static string Describe(ErrorEntry entry)
    {
        var text = new StringBuilder(entry.Message is { Length: > 0 } said ? said : "error");
        if (CodeOf(entry) is { } code) text.Append(" (code ").Append(code).Append(')');
        if (entry.Context is { ValueKind: JsonValueKind.Object } context)
        {
            var state = Scalar(Property(context, "currentState"));
            var expected = Property(context, "expectedStates") is { ValueKind: JsonValueKind.Array } list
                ? string.Join(", ", list.EnumerateArray().Select(e => Scalar(e)).Where(e => e is not null))
                : null;
            var what = Scalar(Property(context, "type"));
            var id = Scalar(Property(context, "id"));
            if (what is not null || id is not null) text.Append("; ").Append(what ?? "resource").Append(id is null ? "" : " " + id);
            if (state is not null) text.Append(" is ").Append(state);
            if (expected is { Length: > 0 }) text.Append(", expected ").Append(expected);
        }
        return text.ToString();
    }

    private static CloudErrorKind KindOf(int status, ErrorEntry? first)
    {
        // The docs name no codes for these; 2012 (wrong state) is the one example they give.
        if (first is not null && CodeOf(first) == "2012") return CloudErrorKind.Conflict;
        return status switch
        {
            400 when first?.Message is { } m && m.IndexOf("quota", StringComparison.OrdinalIgnoreCase) >= 0 => CloudErrorKind.QuotaExceeded,
            405 => CloudErrorKind.InvalidArgument,
            _ => CloudErrorKinds.FromStatus(status),
        };
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : null;

    private static string? Scalar(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };
}
