using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Identity;

/// <summary>What a token is scoped to, with the roles the user holds there.</summary>
internal sealed record TokenScope(KeystoneProject? Project, KeystoneDomain? Domain, bool System, IReadOnlyList<string> Roles)
{
    public static readonly TokenScope Unscoped = new(null, null, false, []);
}

/// <summary>
/// The scope part of an auth body (reference A.1): one of project (id, or name with domain), domain or system;
/// none means the user's default project when they hold a role there, else an unscoped token. An
/// application credential brings its own project and must not ask for a scope.
/// </summary>
internal static class KeystoneScope
{
    private const string OneScope = "project, domain, OS-TRUST:trust or unscoped";

    public static TokenScope? Resolve(JsonNode? scopeNode, Authenticated who, IdentityStore identity, KeystoneAuthentication auth, string identityUrl)
    {
        if (who.Credential is { } credential)
        {
            if (scopeNode is not null) return auth.Fail<TokenScope>(KeystoneErrors.Unauthorized(identityUrl, KeystoneAuthentication.ScopeWithCredential));
            return identity.Projects.GetValueOrDefault(credential.ProjectId) is { Enabled: true } own
                ? new TokenScope(own, null, false, credential.Roles)
                : auth.Fail<TokenScope>(KeystoneErrors.Unauthorized(identityUrl));
        }

        var user = who.User;
        switch (scopeNode)
        {
            case null:
                return user.DefaultProjectId is { } defaultId && identity.Projects.GetValueOrDefault(defaultId) is { Enabled: true } project &&
                    identity.RolesOnProject(user.Id, defaultId) is { Count: > 0 } defaultRoles
                    ? new TokenScope(project, null, false, defaultRoles)
                    : TokenScope.Unscoped;
            case JsonValue value when KeystoneAuthentication.Text(value) == "unscoped":
                return TokenScope.Unscoped;
            case JsonObject scope when scope.Count(pair => pair.Key is "project" or "domain" or "system" or "OS-TRUST:trust") == 1:
                if (scope["project"] is JsonObject projectNode) return Project(projectNode, user, identity, auth, identityUrl);
                if (scope["domain"] is JsonObject domainNode) return Domain(domainNode, user, identity, auth, identityUrl);
                if (scope["system"] is JsonObject systemNode && systemNode["all"] is JsonValue all && all.TryGetValue(out bool isAll) && isAll)
                {
                    return Granted(new TokenScope(null, null, true, identity.SystemRoles(user.Id)), auth, identityUrl);
                }

                return auth.Fail<TokenScope>(scope.ContainsKey("OS-TRUST:trust")
                    ? KeystoneErrors.Error(StatusCodes.Status403Forbidden, "Trusts are not served by this emulator.")
                    : KeystoneErrors.Validation(OneScope, "scope"));
            default:
                return auth.Fail<TokenScope>(KeystoneErrors.Validation(OneScope, "scope"));
        }
    }

    private static TokenScope? Project(JsonObject projectNode, KeystoneUser user, IdentityStore identity, KeystoneAuthentication auth, string identityUrl)
    {
        KeystoneProject? project;
        if (KeystoneAuthentication.Text(projectNode["id"]) is { } id)
        {
            project = identity.FindProject(id, null, null);
        }
        else if (KeystoneAuthentication.Text(projectNode["name"]) is { } name)
        {
            if (projectNode["domain"] is not JsonObject domainNode) return auth.Fail<TokenScope>(KeystoneErrors.Validation("domain", "project"));
            var domain = auth.FindDomain(domainNode);
            if (domain is null) return null;
            project = identity.FindProject(null, name, domain.Id);
        }
        else
        {
            return auth.Fail<TokenScope>(KeystoneErrors.Validation("id or name", "project"));
        }

        if (project is not { Enabled: true } || identity.Domains.GetValueOrDefault(project.DomainId) is not { Enabled: true })
        {
            return auth.Fail<TokenScope>(KeystoneErrors.Unauthorized(identityUrl));
        }

        return Granted(new TokenScope(project, null, false, identity.RolesOnProject(user.Id, project.Id)), auth, identityUrl);
    }

    private static TokenScope? Domain(JsonObject domainNode, KeystoneUser user, IdentityStore identity, KeystoneAuthentication auth, string identityUrl)
    {
        var domain = auth.FindDomain(domainNode);
        return domain is null ? null : Granted(new TokenScope(null, domain, false, identity.RolesOnDomain(user.Id, domain.Id)), auth, identityUrl);
    }

    /// <summary>A user without a role on the target gets the usual 401.</summary>
    private static TokenScope? Granted(TokenScope scope, KeystoneAuthentication auth, string identityUrl) =>
        scope.Roles.Count > 0 ? scope : auth.Fail<TokenScope>(KeystoneErrors.Unauthorized(identityUrl));
}
