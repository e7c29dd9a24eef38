using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>Sends JSON to Scaleway and turns its error bodies (reference §6) into CloudApiException.</summary>
internal sealed class ScalewayTransport : IDisposable
{
    public static readonly Uri PublicEndpoint = new("https://api.scaleway.com/");

    private readonly HttpClient _http;

    public ScalewayTransport(ScalewayConnectionSettings settings, HttpMessageHandler? transport = null)
    {
        _http = CloudHttpClientFactory.Create(
            CloudProvider.Scaleway,
            settings.Endpoint ?? PublicEndpoint,
            new AuthTokenHandler(settings.SecretKey!),
            settings.Http,
            transport);
    }

    public sealed class Reply<T>
    {
        public Reply(T body, HttpResponseHeaders headers)
        {
            Body = body;
            Headers = headers;
        }

        public T Body { get; }
        public HttpResponseHeaders Headers { get; }
    }

    public async Task<Reply<T>> SendAsync<T>(HttpMethod method, string path, JsonTypeInfo<T> replyType, CancellationToken cancellationToken)
        where T : class, IValidatedReply
    {
        using var request = new HttpRequestMessage(method, path);
        return await SendAsync(request, replyType, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Reply<T>> SendAsync<TBody, T>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> replyType, bool idempotent, CancellationToken cancellationToken)
        where T : class, IValidatedReply
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.MarkIdempotent(idempotent);
        return await SendAsync(request, replyType, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw await ToExceptionAsync(response).ConfigureAwait(false);
    }

    private async Task<Reply<T>> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> replyType, CancellationToken cancellationToken)
        where T : class, IValidatedReply
    {
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw await ToExceptionAsync(response).ConfigureAwait(false);
        var bytes = await BufferedContent.ReadAsync(response.Content).ConfigureAwait(false);
        try
        {
            var body = JsonSerializer.Deserialize(bytes.Span, replyType) ?? throw new InvalidReplyException("The body", "is empty or null");
            body.Validate();
            return new Reply<T>(body, response.Headers);
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidReplyException)
        {
            throw InvalidReply(request, response, unreadable is InvalidReplyException invalid ? invalid.Message : "a body that could not be read", unreadable);
        }
    }

    /// <summary>An answer that is not the reply its request expects, naming what is wrong with it.</summary>
    public static CloudApiException InvalidReply(HttpRequestMessage request, HttpResponseMessage response, string problem, Exception? cause = null)
    {
        var mayHaveSucceeded = !request.IsIdempotent();
        return new CloudApiException(CloudProvider.Scaleway, CloudErrorKind.InvalidResponse,
            $"Scaleway answered {request.Method} {request.RequestUri?.AbsolutePath} with HTTP {(int)response.StatusCode} and an invalid reply: {problem}." +
            (mayHaveSucceeded ? " The request may have been carried out; check with Get-CloudSnapshot before sending it again." : ""),
            (int)response.StatusCode, requestId: RequestIdOf(response), mayHaveSucceeded: mayHaveSucceeded, innerException: cause);
    }

    private static async Task<CloudApiException> ToExceptionAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        ScalewayErrorBody? error = null;
        try
        {
            if (text.Length > 0) error = JsonSerializer.Deserialize(text, ScalewayJsonContext.Default.ScalewayErrorBody);
        }
        catch (JsonException)
        {
            // A gateway may answer with a non-JSON body; the status text then speaks for it (reference §6).
        }

        var kind = KindOf(error?.Type, status);
        var message = new StringBuilder("Scaleway: ")
            .Append(error?.Message is { Length: > 0 } said ? said : response.ReasonPhrase ?? $"HTTP {status}");
        if (error?.Resource is not null) message.Append(" (").Append(error.Resource).Append(error.ResourceId is null ? "" : " " + error.ResourceId).Append(')');
        if (error?.CurrentState is not null) message.Append("; current state: ").Append(error.CurrentState);
        if (error?.Precondition is not null) message.Append("; precondition: ").Append(error.Precondition);
        if (error?.Details is { ValueKind: JsonValueKind.Array } details) AppendArgumentDetails(message, details);
        if (kind == CloudErrorKind.Throttled && RetryAfterReader.Read(response) is { } wait)
            message.Append($"; retry after {wait.TotalSeconds:0} s");

        return new CloudApiException(CloudProvider.Scaleway, kind, message.ToString(), status,
            error?.Type ?? (status == 429 ? "rate_limited" : null), RequestIdOf(response),
            isRetryable: kind is CloudErrorKind.Throttled or CloudErrorKind.ServerError)
        {
            Data = { ["Resource"] = error?.Resource },
        };
    }

    private static void AppendArgumentDetails(StringBuilder message, JsonElement details)
    {
        var arguments = details.EnumerateArray()
            .Where(d => d.ValueKind == JsonValueKind.Object && d.TryGetProperty("argument_name", out _))
            .Select(d => $"{Text(d, "argument_name")}: {Text(d, "reason")}{(Text(d, "help_message") is { Length: > 0 } help ? " (" + help + ")" : "")}")
            .ToList();
        if (arguments.Count > 0) message.Append(": ").Append(string.Join("; ", arguments));
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static CloudErrorKind KindOf(string? type, int status) => type switch
    {
        "not_found" or "unknown_resource" => CloudErrorKind.NotFound,
        "invalid_arguments" or "invalid_request_error" => CloudErrorKind.InvalidArgument,
        "denied_authentication" or "authentication_error" => CloudErrorKind.Unauthenticated,
        "permissions_denied" => CloudErrorKind.PermissionDenied,
        "transient_state" or "precondition_failed" or "locked" or "conflict" => CloudErrorKind.Conflict,
        "quotas_exceeded" or "out_of_stock" => CloudErrorKind.QuotaExceeded,
        _ when status == 412 => CloudErrorKind.Conflict,
        _ => CloudErrorKinds.FromStatus(status),
    };

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values) ? values.FirstOrDefault() : null;

    public void Dispose() => _http.Dispose();

    private sealed class AuthTokenHandler : DelegatingHandler
    {
        private readonly SecretValue _secretKey;

        public AuthTokenHandler(SecretValue secretKey) => _secretKey = secretKey;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("X-Auth-Token");
            request.Headers.TryAddWithoutValidation("X-Auth-Token", _secretKey.Reveal());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
