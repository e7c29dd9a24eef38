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

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>
/// Sends JSON to Cinder at the catalog's endpoint for a region, with the Keystone token and, where
/// a feature needs it, the microversion header (reference B.1); faults become CloudApiException.
/// </summary>
internal sealed class CinderTransport : IDisposable
{
    private readonly OpenStackConnectionSettings _settings;
    private readonly HttpClient _http;

    public CinderTransport(OpenStackConnectionSettings settings, KeystoneSession session, HttpMessageHandler? transport)
    {
        _settings = settings;
        Session = session;
        _http = CloudHttpClientFactory.Create(CloudProvider.OpenStack, settings.Endpoint!, new TokenHandler(session), OpenStackHttp.Options(settings), transport);
    }

    public KeystoneSession Session { get; }

    /// <summary>The microversion from which Cinder routes URLs without a project id; above every version a feature here needs.</summary>
    public const string ProjectlessUrlVersion = "3.67";

    /// <summary>The block-storage endpoint for a region (null: the connection's), from the current token's catalog.</summary>
    public async Task<(Uri Endpoint, string Region)> EndpointAsync(string? region, CancellationToken cancellationToken)
    {
        var login = await Session.GetAsync(cancellationToken).ConfigureAwait(false);
        return login.Catalog.BlockStorage(region ?? _settings.Region, _settings.Interface, _settings.AllowUnencryptedEndpoint);
    }

    public Task<T> GetAsync<T>(string? region, string path, JsonTypeInfo<T> replyType, CancellationToken cancellationToken, string? microversion = null)
        where T : class, IValidatedReply =>
        SendAsync(region, HttpMethod.Get, path, null, replyType, idempotent: true, microversion, cancellationToken);

    public Task<T> SendAsync<TBody, T>(string? region, HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> replyType, bool idempotent, CancellationToken cancellationToken)
        where T : class, IValidatedReply =>
        SendAsync(region, method, path, JsonSerializer.SerializeToUtf8Bytes(body, bodyType), replyType, idempotent, null, cancellationToken);

    /// <summary>Sends a request whose answer has no body worth reading (DELETE: 202 or 200, empty).</summary>
    public async Task SendWithoutReplyAsync(string? region, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(region, method, path, null, null, cancellationToken).ConfigureAwait(false);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw Failure(request, response, await BufferedContent.ReadAsync(response.Content).ConfigureAwait(false));
    }

    private async Task<T> SendAsync<T>(string? region, HttpMethod method, string path, byte[]? body, JsonTypeInfo<T> replyType, bool idempotent, string? microversion, CancellationToken cancellationToken)
        where T : class, IValidatedReply
    {
        using var request = await RequestAsync(region, method, path, body, microversion, cancellationToken).ConfigureAwait(false);
        request.MarkIdempotent(idempotent);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await BufferedContent.ReadAsync(response.Content).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw Failure(request, response, bytes);
        try
        {
            var reply = JsonSerializer.Deserialize(bytes.Span, replyType) ?? throw new InvalidReplyException("The body", "is empty or null");
            reply.Validate();
            return reply;
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidReplyException)
        {
            throw OpenStackErrors.InvalidReply(request, response, "Cinder", unreadable is InvalidReplyException invalid ? invalid.Message : "a body that could not be read", unreadable);
        }
    }

    private async Task<HttpRequestMessage> RequestAsync(string? region, HttpMethod method, string path, byte[]? body, string? microversion, CancellationToken cancellationToken)
    {
        var login = await Session.GetAsync(cancellationToken).ConfigureAwait(false);
        var (endpoint, _) = login.Catalog.BlockStorage(region ?? _settings.Region, _settings.Interface, _settings.AllowUnencryptedEndpoint);
        // An endpoint without the project id (.../v3) is served from microversion 3.67 on (reference A.2).
        if (login.ProjectId is { } project && !endpoint.AbsolutePath.TrimEnd('/').EndsWith("/" + project, StringComparison.OrdinalIgnoreCase))
            microversion = ProjectlessUrlVersion;
        var request = new HttpRequestMessage(method, new Uri(endpoint, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (microversion is not null) request.Headers.TryAddWithoutValidation("OpenStack-API-Version", "volume " + microversion);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        return request;
    }

    public void Dispose()
    {
        _http.Dispose();
        Session.Dispose();
    }

    /// <summary>
    /// Puts the token on each request. A 401 means the token was refused (expired early, revoked):
    /// the request goes again once with a new token; a second 401 is the answer.
    /// </summary>
    private sealed class TokenHandler : DelegatingHandler
    {
        private readonly KeystoneSession _session;

        public TokenHandler(KeystoneSession session) => _session = session;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            KeystoneLogin login;
            try
            {
                login = await _session.GetAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CloudApiException refused)
            {
                return LoginFailed(request, refused, null);
            }
            var response = await SendWithAsync(request, login, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode != 401) return response;
            KeystoneLogin renewed;
            try
            {
                renewed = await _session.RenewAfterRefusalAsync(login, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudApiException refused)
            {
                return LoginFailed(request, refused, response);
            }
            response.Dispose();
            return await SendWithAsync(request, renewed, cancellationToken).ConfigureAwait(false);
        }

        private Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, KeystoneLogin login, CancellationToken cancellationToken)
        {
            request.Headers.Remove("X-Auth-Token");
            request.Headers.TryAddWithoutValidation("X-Auth-Token", login.Token.Reveal());
            return base.SendAsync(request, cancellationToken);
        }

        /// <summary>
        /// Keystone's refusal travels beside a 401 through the pipeline (which would report an exception
        /// thrown here as a network fault); the transport throws it.
        /// </summary>
        private static HttpResponseMessage LoginFailed(HttpRequestMessage request, CloudApiException refused, HttpResponseMessage? unauthorized)
        {
            request.Properties[LoginFailureKey] = refused;
            return unauthorized ?? new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized) { RequestMessage = request, Content = new ByteArrayContent(new byte[0]) };
        }
    }

    private const string LoginFailureKey = "SnapshotPS.OpenStack.LoginFailure";

    private static CloudApiException Failure(HttpRequestMessage request, HttpResponseMessage response, ReadOnlyMemory<byte> body) =>
        request.Properties.TryGetValue(LoginFailureKey, out var refused) && refused is CloudApiException login
            ? login
            : OpenStackErrors.From(response, body, "Cinder");
}
