using System.Globalization;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Identity;

/// <summary>The {"token": {...}} body of POST and GET /v3/auth/tokens (reference A.1).</summary>
internal static class TokenJson
{
    public static JsonObject Write(IssuedToken token, IdentityStore identity, JsonArray? catalog)
    {
        var body = new JsonObject
        {
            ["methods"] = new JsonArray(token.Methods.Select(method => (JsonNode)method).ToArray()),
            ["user"] = new JsonObject
            {
                ["id"] = token.User.Id,
                ["name"] = token.User.Name,
                ["domain"] = Domain(identity, token.User.DomainId),
                ["password_expires_at"] = null,
            },
            ["audit_ids"] = new JsonArray(token.AuditId),
            ["issued_at"] = Time(token.IssuedAt),
            ["expires_at"] = Time(token.ExpiresAt),
        };
        if (token.Project is { } project)
        {
            body["project"] = new JsonObject { ["id"] = project.Id, ["name"] = project.Name, ["domain"] = Domain(identity, project.DomainId) };
            body["is_domain"] = false;
        }
        else if (token.Domain is { } domain)
        {
            body["domain"] = new JsonObject { ["id"] = domain.Id, ["name"] = domain.Name };
        }
        else if (token.System)
        {
            body["system"] = new JsonObject { ["all"] = true };
        }

        if (token.Project is not null || token.Domain is not null || token.System)
        {
            body["roles"] = new JsonArray(token.Roles.Select(role => (JsonNode)new JsonObject { ["id"] = identity.RoleId(role), ["name"] = role }).ToArray());
        }

        if (token.ApplicationCredential is { } credential)
        {
            body["application_credential"] = new JsonObject
            {
                ["id"] = credential.Id, ["name"] = credential.Name, ["restricted"] = credential.Restricted,
            };
        }

        if (catalog is not null)
        {
            body["catalog"] = catalog;
        }

        return new JsonObject { ["token"] = body };
    }

    /// <summary>ISO 8601 UTC with microseconds and Z, as Keystone writes it.</summary>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Domain(IdentityStore identity, string domainId) => new()
    {
        ["id"] = domainId,
        ["name"] = identity.Domains.GetValueOrDefault(domainId)?.Name ?? domainId,
    };
}
