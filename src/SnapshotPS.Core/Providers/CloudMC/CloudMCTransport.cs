using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>
/// Sends JSON to CloudMC with the MC-Api-Key header and org_id on every call, and turns its
/// {"errors": [...]} bodies into CloudApiException, whatever the status they come with (reference §7).
/// </summary>
internal sealed class CloudMCTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly string? _organizationId;

    public CloudMCTransport(CloudMCConnectionSettings settings, HttpMessageHandler? transport = null)
    {
        _organizationId = settings.OrganizationId;
        var http = settings.Http.Clone();
        http.RequestIdHeader = null; // CloudMC documents no request id header
        _http = CloudHttpClientFactory.Create(CloudProvider.CloudMC, settings.ApiRoot, new ApiKeyHandler(settings.ApiKey!), http, transport);
    }

    /// <summary>Adds org_id to a relative path that may already hold a query.</summary>
    public string Scoped(string path) =>
        _organizationId is null ? path : path + (path.Contains("?") ? "&" : "?") + "org_id=" + Uri.EscapeDataString(_organizationId);

    public async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> replyType, CancellationToken cancellationToken)
        where T : class, IValidatedReply
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Scoped(path));
        return await SendAsync(request, replyType, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> PostAsync<TBody, T>(string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> replyType, CancellationToken cancellationToken)
        where T : class, IValidatedReply
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Scoped(path))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.MarkIdempotent(false);
        return await SendAsync(request, replyType, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The reply's body, or null for a 2xx without one (204 is documented).</summary>
    public async Task<T?> DeleteAsync<T>(string path, JsonTypeInfo<T> replyType, CancellationToken cancellationToken)
        where T : class, IValidatedReply
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Scoped(path));
        return await SendAsync(request, replyType, cancellationToken, emptyIsNull: true).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> replyType, CancellationToken cancellationToken, bool emptyIsNull = false)
        where T : class, IValidatedReply
    {
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = response.Content is null ? ReadOnlyMemory<byte>.Empty : await BufferedContent.ReadAsync(response.Content).ConfigureAwait(false);
        var errors = ReadErrors(bytes.Span);
        if (!response.IsSuccessStatusCode || errors is not null) throw CloudMCErrors.From(request, response, errors);
        if (emptyIsNull && bytes.IsEmpty) return null!;
        try
        {
            var body = JsonSerializer.Deserialize(bytes.Span, replyType) ?? throw new InvalidReplyException("The body", "is empty or null");
            body.Validate();
            return body;
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidReplyException)
        {
            throw CloudMCErrors.InvalidReply(request, response, unreadable is InvalidReplyException invalid ? invalid.Message : "a body that could not be read", unreadable);
        }
    }

    /// <summary>The errors of a body that has any; null for a body without (or one that is not JSON).</summary>
    private static ErrorBody? ReadErrors(ReadOnlySpan<byte> body)
    {
        if (body.IndexOf("\"errors\""u8) < 0) return null;
        try
        {
            var parsed = JsonSerializer.Deserialize(body, CloudMCJsonContext.Default.ErrorBody);
            return parsed?.Errors is { Count: > 0 } ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();

    private sealed class ApiKeyHandler : DelegatingHandler
    {
        public const string HeaderName = "MC-Api-Key";
        private readonly SecretValue _apiKey;

        public ApiKeyHandler(SecretValue apiKey) => _apiKey = apiKey;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(HeaderName);
            request.Headers.TryAddWithoutValidation(HeaderName, _apiKey.Reveal());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
