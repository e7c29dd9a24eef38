using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Identity;

/// <summary>Who a POST /v3/auth/tokens body proves to be: the user, and the application credential when that method was used.</summary>
internal sealed record Authenticated(KeystoneUser User, ApplicationCredential? Credential);

/// <summary>
/// Reads the identity part of an auth body (reference A.1): the password method (user by id, or by name with
/// a domain by id or name) and the application_credential method (by id, or by name with the user). Unknown
/// users, wrong passwords and secrets all give the same 401, as Keystone does without insecure_debug.
/// </summary>
internal sealed class KeystoneAuthentication(IdentityStore identity, DateTimeOffset now, string identityUrl)
{
    public const string ScopeWithCredential =
        "Error authenticating with application credential: Application credentials cannot request a scope.";

    public OpenStackReply? Error { get; private set; }

    /// <summary>Null when the error is set.</summary>
    public Authenticated? Identify(JsonObject identityNode)
    {
        if (identityNode["methods"] is not JsonArray { Count: > 0 } methodsNode || methodsNode.Any(method => Text(method) is null))
        {
            return Fail<Authenticated>(KeystoneErrors.Validation("methods", "identity"));
        }

        Authenticated? result = null;
        foreach (var method in methodsNode.Select(node => Text(node)!).Distinct())
        {
            var next = method switch
            {
                "password" => Password(identityNode["password"] as JsonObject),
                "application_credential" => Credential(identityNode["application_credential"] as JsonObject),
                _ => Fail<Authenticated>(KeystoneErrors.Unauthorized(identityUrl, "Attempted to authenticate with an unsupported method.")),
            };
            if (next is null) return null;
            if (result is not null && result.User.Id != next.User.Id) return Fail<Authenticated>(KeystoneErrors.Unauthorized(identityUrl));
            result = new Authenticated(next.User, result?.Credential ?? next.Credential);
        }

        return result;
    }

    private Authenticated? Password(JsonObject? password)
    {
        if (password?["user"] is not JsonObject userNode) return Fail<Authenticated>(KeystoneErrors.Validation("user", "password"));
        var user = FindUser(userNode);
        if (user is null) return null;
        return Text(userNode["password"]) is { } given && given == user.Password
            ? new Authenticated(user, null)
            : Fail<Authenticated>(KeystoneErrors.Unauthorized(identityUrl));
    }

    private Authenticated? Credential(JsonObject? credentialNode)
    {
        if (credentialNode is null) return Fail<Authenticated>(KeystoneErrors.Validation("application_credential", "identity"));
        if (Text(credentialNode["secret"]) is not { } secret) return Fail<Authenticated>(KeystoneErrors.Validation("secret", "application_credential"));
        ApplicationCredential? credential;
        if (Text(credentialNode["id"]) is { } id)
        {
            credential = identity.ApplicationCredentials.GetValueOrDefault(id);
        }
        else if (Text(credentialNode["name"]) is { } name)
        {
            if (credentialNode["user"] is not JsonObject userNode) return Fail<Authenticated>(KeystoneErrors.Validation("user", "application_credential"));
            var owner = FindUser(userNode);
            if (owner is null) return null;
            credential = identity.ApplicationCredentials.Values.FirstOrDefault(candidate => candidate.UserId == owner.Id && candidate.Name == name);
        }
        else
        {
            return Fail<Authenticated>(KeystoneErrors.Validation("id or name", "application_credential"));
        }

        if (credential is null || credential.Secret != secret || credential.ExpiresAt <= now ||
            identity.Users.GetValueOrDefault(credential.UserId) is not { Enabled: true } user)
        {
            return Fail<Authenticated>(KeystoneErrors.Unauthorized(identityUrl));
        }

        return new Authenticated(user, credential);
    }

    /// <summary>By id alone, or by name with a domain given by id or name; a disabled user or domain is refused like an unknown one.</summary>
    private KeystoneUser? FindUser(JsonObject userNode)
    {
        KeystoneUser? user;
        if (Text(userNode["id"]) is { } id)
        {
            user = identity.FindUser(id, null, null);
        }
        else if (Text(userNode["name"]) is { } name)
        {
            if (userNode["domain"] is not JsonObject domainNode) return Fail<KeystoneUser>(KeystoneErrors.Validation("domain", "user"));
            var domain = FindDomain(domainNode);
            if (domain is null) return null;
            user = identity.FindUser(null, name, domain.Id);
        }
        else
        {
            return Fail<KeystoneUser>(KeystoneErrors.Validation("id or name", "user"));
        }

        return user is { Enabled: true } && identity.Domains.GetValueOrDefault(user.DomainId) is { Enabled: true }
            ? user
            : Fail<KeystoneUser>(KeystoneErrors.Unauthorized(identityUrl));
    }

    /// <summary>A domain by id or name; a 400 when neither is given, a 401 when it is unknown or disabled.</summary>
    public KeystoneDomain? FindDomain(JsonObject domainNode)
    {
        var id = Text(domainNode["id"]);
        var name = Text(domainNode["name"]);
        if (id is null && name is null) return Fail<KeystoneDomain>(KeystoneErrors.Validation("id or name", "domain"));
        return identity.FindDomain(id, name) is { Enabled: true } domain ? domain : Fail<KeystoneDomain>(KeystoneErrors.Unauthorized(identityUrl));
    }

    public T? Fail<T>(OpenStackReply error)
        where T : class
    {
        Error = error;
        return null;
    }

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
