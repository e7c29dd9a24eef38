using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Outscale;

/// <summary>Signs and sends OAPI calls (POST {root}/{Operation}) and turns ErrorResponse bodies into CloudApiException.</summary>
internal sealed class OutscaleTransport : IDisposable
{
    private static readonly Random Jitter = new();
    private readonly HttpClient _http;

    public OutscaleTransport(OutscaleConnectionSettings settings, HttpMessageHandler? transport = null)
    {
        var options = settings.Http.Clone();
        options.RequestIdHeader = null;
        options.RequestIdFromBody = OutscaleRequestId.Read;
        options.IsRefusedWithoutEffect = IsThrottledAsync;
        // Outscale's documented retry rule (reference §10): 2^attempt + uniform(0, 3) seconds, at most 30 s.
        options.Backoff = attempt => Min(
            TimeSpan.FromTicks(options.BaseDelay.Ticks * (1L << Math.Min(attempt, 20)) + (long)(options.BaseDelay.Ticks * 3 * NextJitter())),
            options.MaxDelay);
        var signer = new SigV4Signer(settings.AccessKey!, settings.SecretKey!, settings.Region, "oapi");
        _http = CloudHttpClientFactory.Create(CloudProvider.Outscale, settings.ApiRoot, new SigningHandler(signer, settings.Clock), options, transport);
    }

    public async Task<T> CallAsync<TBody, T>(string operation, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> replyType, bool idempotent, CancellationToken cancellationToken)
        where T : class, IValidatedReply
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, operation)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.MarkIdempotent(idempotent);

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await BufferedContent.ReadAsync(response.Content).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw ToException(response, bytes.ToArray());
        try
        {
            var reply = JsonSerializer.Deserialize(bytes.Span, replyType) ?? throw new InvalidReplyException("The body", "is empty or null");
            reply.Validate();
            return reply;
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidReplyException)
        {
            var problem = unreadable is InvalidReplyException invalid ? invalid.Message : "a body that could not be read";
            throw new CloudApiException(CloudProvider.Outscale, CloudErrorKind.InvalidResponse,
                $"Outscale answered {operation} with HTTP {(int)response.StatusCode} and an invalid reply: {problem}." +
                (idempotent ? "" : " The request may have been carried out; check with Get-CloudSnapshot before sending it again."),
                (int)response.StatusCode, mayHaveSucceeded: !idempotent, innerException: unreadable);
        }
    }

    private static async ValueTask<bool> IsThrottledAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status == 429) return true;
        if (status != 503 || response.Content is null) return false;
        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        return ErrorOf(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false))?.Errors?.FirstOrDefault()?.Code == "6";
    }

    private static CloudApiException ToException(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var parsed = ErrorOf(body);
        var error = parsed?.Errors?.FirstOrDefault();
        var kind = KindOf(error?.Code, status);
        var details = error?.Details is { Length: > 0 } said ? said : response.ReasonPhrase ?? $"HTTP {status}";
        var message = $"Outscale: {details}" + (error?.Type is null ? "" : $" ({error.Type})");
        if (kind == CloudErrorKind.Throttled && RetryAfterReader.Read(response) is { } wait) message += $"; retry after {wait.TotalSeconds:0} s";
        return new CloudApiException(CloudProvider.Outscale, kind, message, status, error?.Code, parsed?.ResponseContext?.RequestId,
            isRetryable: kind is CloudErrorKind.Throttled or CloudErrorKind.ServerError);
    }

    private static ErrorResponse? ErrorOf(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, OutscaleJsonContext.Default.ErrorResponse);
        }
        catch (JsonException)
        {
            return null; // a gateway may answer with a body of its own (reference §8)
        }
    }

    private static CloudErrorKind KindOf(string? code, int status) => code switch
    {
        "1" or "13" => CloudErrorKind.Unauthenticated,
        "5" or "7" => CloudErrorKind.PermissionDenied,
        "6" or "24" or "25" => CloudErrorKind.Throttled,
        "5054" or "5064" or "5058" => CloudErrorKind.NotFound,
        "6003" or "6007" or "9002" => CloudErrorKind.Conflict,
        "10008" or "10026" or "10041" => CloudErrorKind.QuotaExceeded,
        { } c when c.Length == 4 && c[0] is '3' or '4' or '7' or '8' => CloudErrorKind.InvalidArgument,
        _ => CloudErrorKinds.FromStatus(status),
    };

    private static double NextJitter()
    {
        lock (Jitter) return Jitter.NextDouble();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    public void Dispose() => _http.Dispose();

    /// <summary>Signs every attempt afresh, over the exact bytes sent.</summary>
    private sealed class SigningHandler : DelegatingHandler
    {
        private readonly SigV4Signer _signer;
        private readonly Func<DateTime> _clock;

        public SigningHandler(SigV4Signer signer, Func<DateTime>? clock)
        {
            _signer = signer;
            _clock = clock ?? (() => DateTime.UtcNow);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = _clock();
            var date = SigV4Signer.FormatDate(now);
            var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var headers = new Dictionary<string, string>
            {
                ["host"] = request.RequestUri!.Authority,
                ["x-amz-date"] = date,
            };
            if (request.Content?.Headers.ContentType is { } contentType) headers["content-type"] = contentType.ToString();

            request.Headers.Remove(SigV4Signer.DateHeader);
            request.Headers.TryAddWithoutValidation(SigV4Signer.DateHeader, date);
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", _signer.Authorize(request.Method.Method, request.RequestUri, headers, body, now));
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
