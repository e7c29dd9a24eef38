using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Koyeb;

/// <summary>Sends JSON to Koyeb with the bearer token and turns its error bodies (reference §7) into CloudApiException.</summary>
internal sealed class KoyebTransport : IDisposable
{
    public static readonly Uri PublicEndpoint = new("https://app.koyeb.com/");

    private readonly HttpClient _http;

    public KoyebTransport(KoyebConnectionSettings settings, HttpMessageHandler? transport = null)
    {
        _http = CloudHttpClientFactory.Create(CloudProvider.Koyeb, settings.Endpoint ?? PublicEndpoint,
            new BearerTokenHandler(settings.Token!), settings.Http, transport);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, JsonTypeInfo<T> replyType, CancellationToken cancellationToken)
        where T : class, IValidatedReply
    {
        using var request = new HttpRequestMessage(method, path);
        return await SendAsync(request, replyType, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> SendAsync<TBody, T>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> replyType,
        bool idempotent, CancellationToken cancellationToken)
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

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> replyType, CancellationToken cancellationToken)
        where T : class, IValidatedReply
    {
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw KoyebErrors.From(response, text);
        }
        var bytes = await BufferedContent.ReadAsync(response.Content).ConfigureAwait(false);
        try
        {
            var body = JsonSerializer.Deserialize(bytes.Span, replyType) ?? throw new InvalidReplyException("The body", "is empty or null");
            body.Validate();
            return body;
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidReplyException or FormatException)
        {
            var mayHaveSucceeded = !request.IsIdempotent();
            throw new CloudApiException(CloudProvider.Koyeb, CloudErrorKind.InvalidResponse,
                $"Koyeb answered {request.Method} {request.RequestUri?.AbsolutePath} with HTTP {(int)response.StatusCode} and an invalid reply: " +
                (unreadable is InvalidReplyException invalid ? invalid.Message : "a body that could not be read") + "." +
                (mayHaveSucceeded ? " The request may have been carried out; check with Get-CloudSnapshot before sending it again." : ""),
                (int)response.StatusCode, requestId: KoyebErrors.RequestIdOf(response), mayHaveSucceeded: mayHaveSucceeded, innerException: unreadable);
        }
    }

    public void Dispose() => _http.Dispose();

    private sealed class BearerTokenHandler : DelegatingHandler
    {
        private readonly SecretValue _token;

        public BearerTokenHandler(SecretValue token) => _token = token;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token.Reveal());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
