using System.Collections.Generic;
using System.Text.Json.Serialization;
using SnapshotPS.Core.Http;

namespace SnapshotPS.Core.Providers.OpenStack;

// Keystone v3 POST /v3/auth/tokens (reference A.1, A.2). The token itself travels in X-Subject-Token.

internal sealed class AuthRequestBody
{
    public AuthBody Auth { get; set; } = new();
}

internal sealed class AuthBody
{
    public IdentityBody Identity { get; set; } = new();
    public ScopeBody? Scope { get; set; }
}

internal sealed class IdentityBody
{
    public List<string> Methods { get; set; } = new();
    public PasswordMethod? Password { get; set; }
    public ApplicationCredentialMethod? ApplicationCredential { get; set; }
}

internal sealed class PasswordMethod
{
    public UserRef User { get; set; } = new();
}

internal sealed class UserRef
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public NamedRef? Domain { get; set; }
    public string? Password { get; set; }
}

internal sealed class ApplicationCredentialMethod
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Secret { get; set; }
    public UserRef? User { get; set; }
}

internal sealed class NamedRef
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public NamedRef? Domain { get; set; }
}

internal sealed class ScopeBody
{
    public NamedRef? Project { get; set; }
    public NamedRef? Domain { get; set; }
}

internal sealed class TokenEnvelope : IValidatedReply
{
    public KeystoneToken? Token { get; set; }

    public void Validate()
    {
        var token = ReplyFields.Require(Token, "token");
        ReplyFields.RequireEach(token.Catalog, "token.catalog", (entry, field) =>
            ReplyFields.RequireEach(entry.Endpoints, field + ".endpoints", (endpoint, name) => ReplyFields.RequireText(endpoint.Url, name + ".url")));
    }
}

internal sealed class KeystoneToken
{
    public string? ExpiresAt { get; set; }
    public string? IssuedAt { get; set; }
    public NamedRef? Project { get; set; }
    public NamedRef? Domain { get; set; }
    public NamedRef? User { get; set; }
    public List<string>? Methods { get; set; }
    public List<CatalogEntry>? Catalog { get; set; }
}

internal sealed class CatalogEntry
{
    public string? Type { get; set; }
    public string? Name { get; set; }
    public List<CatalogEndpoint>? Endpoints { get; set; }
}

internal sealed class CatalogEndpoint
{
    public string? Interface { get; set; }
    public string? Region { get; set; }
    public string? RegionId { get; set; }
    public string? Url { get; set; }
}

/// <summary>Keystone's error body, also sent by keystonemiddleware in front of Cinder (reference A.3, B.8).</summary>
internal sealed class KeystoneErrorBody
{
    public KeystoneError? Error { get; set; }
}

internal sealed class KeystoneError
{
    public int? Code { get; set; }
    public string? Title { get; set; }
    public string? Message { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuthRequestBody))]
[JsonSerializable(typeof(TokenEnvelope))]
[JsonSerializable(typeof(KeystoneErrorBody))]
internal sealed partial class KeystoneJsonContext : JsonSerializerContext
{
}
