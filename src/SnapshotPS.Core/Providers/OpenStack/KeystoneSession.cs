using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>One Keystone token with what came with it: the project it is scoped to and the catalog.</summary>
internal sealed class KeystoneLogin
{
    public KeystoneLogin(SecretValue token, DateTimeOffset? renewAt, string? projectId, OpenStackCatalog catalog)
    {
        Token = token;
        RenewAt = renewAt;
        ProjectId = projectId;
        Catalog = catalog;
    }

    public SecretValue Token { get; }

    /// <summary>When to get a new token, by the local clock; null for a token that never expires.</summary>
    public DateTimeOffset? RenewAt { get; }

    public string? ProjectId { get; }
    public OpenStackCatalog Catalog { get; }
}

/// <summary>
/// Logs in to Keystone v3 (reference A.1) and keeps the token: renewed shortly before it expires,
/// and once when a service refuses it. Concurrent callers share one login.
/// </summary>
internal sealed class KeystoneSession : IDisposable
{
    private readonly OpenStackConnectionSettings _settings;
    private readonly HttpClient _identity;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Func<DateTimeOffset> _clock;
    private KeystoneLogin? _current;
    private int _logins;

    public KeystoneSession(OpenStackConnectionSettings settings, HttpClient identity)
    {
        _settings = settings;
        _identity = identity;
        _clock = settings.Clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>How many tokens this session has asked Keystone for.</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>The current login, renewed first when it is due.</summary>
    public async Task<KeystoneLogin> GetAsync(CancellationToken cancellationToken)
    {
        var login = Volatile.Read(ref _current);
        if (login is not null && !IsDue(login)) return login;
        return await RenewAsync(stale => stale is null || IsDue(stale), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A new login after a service refused <paramref name="refused"/>; requests refused together renew once.</summary>
    public Task<KeystoneLogin> RenewAfterRefusalAsync(KeystoneLogin refused, CancellationToken cancellationToken) =>
        RenewAsync(current => current is null || ReferenceEquals(current, refused) || IsDue(current), cancellationToken);

    private async Task<KeystoneLogin> RenewAsync(Func<KeystoneLogin?, bool> needsNew, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!needsNew(_current)) return _current!;
            var login = await LoginAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, login);
            return login;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsDue(KeystoneLogin login) => login.RenewAt is { } at && _clock() >= at;

    private async Task<KeystoneLogin> LoginAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _logins);
        using var request = new HttpRequestMessage(HttpMethod.Post, "auth/tokens")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(KeystoneAuthBody.For(_settings), KeystoneJsonContext.Default.AuthRequestBody)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.MarkIdempotent(); // a token asked for twice is two tokens, and nothing else changes
        var sentAt = _clock();
        using var response = await _identity.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await BufferedContent.ReadAsync(response.Content).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw LoginRefused(response, body);

        var token = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(token))
            throw OpenStackErrors.InvalidReply(request, response, "Keystone", "no token in the X-Subject-Token header");
        TokenEnvelope envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body.Span, KeystoneJsonContext.Default.TokenEnvelope) ?? throw new InvalidReplyException("The body", "is empty or null");
            envelope.Validate();
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidReplyException)
        {
            throw OpenStackErrors.InvalidReply(request, response, "Keystone", unreadable is InvalidReplyException invalid ? invalid.Message : "a body that could not be read", unreadable);
        }

        var issued = envelope.Token!;
        return new KeystoneLogin(SecretValue.FromPlainText(token!), RenewAt(issued, sentAt), issued.Project?.Id, new OpenStackCatalog(issued.Catalog, issued.Project?.Id));
    }

    /// <summary>
    /// A token lives expires_at - issued_at by Keystone's clock; counted from when it was asked for by
    /// ours, so a skewed clock does not matter. Renewed RenewBeforeExpiry early, or halfway for short tokens.
    /// </summary>
    private DateTimeOffset? RenewAt(KeystoneToken token, DateTimeOffset sentAt)
    {
        if (!TryParse(token.ExpiresAt, out var expires)) return null;
        var lifetime = TryParse(token.IssuedAt, out var issuedAt) ? expires - issuedAt : expires - sentAt;
        if (lifetime < TimeSpan.Zero) lifetime = TimeSpan.Zero;
        var early = TimeSpan.FromTicks(Math.Min(_settings.RenewBeforeExpiry.Ticks, lifetime.Ticks / 2));
        return sentAt + lifetime - early;
    }

    internal static bool TryParse(string? timestamp, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private CloudApiException LoginRefused(HttpResponseMessage response, ReadOnlyMemory<byte> body)
    {
        var error = OpenStackErrors.From(response, body, "Keystone");
        var who = _settings.UsesApplicationCredential
            ? $"application credential '{_settings.ApplicationCredentialId ?? _settings.ApplicationCredentialName}'"
            : $"user '{_settings.UserId ?? _settings.Username}'";
        return new CloudApiException(CloudProvider.OpenStack, error.Kind,
            $"Keystone at {_settings.Endpoint} refused the login of {who}: {error.Message.Substring("OpenStack Keystone: ".Length)}",
            error.StatusCode, error.ErrorCode, error.RequestId, error.IsRetryable);
    }

    public void Dispose()
    {
        _identity.Dispose();
        _gate.Dispose();
    }
}
