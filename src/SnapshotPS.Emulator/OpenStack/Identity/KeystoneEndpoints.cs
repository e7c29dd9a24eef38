using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Identity;

/// <summary>Keystone v3 under /openstack/identity: version discovery, tokens (issue, validate, check, revoke) and the catalog.</summary>
internal static class KeystoneEndpoints
{
    public static void Map(RouteGroupBuilder identity, OpenStackFake fake)
    {
        // UNVERIFIED: the version documents are not in the reference; their shape follows Keystone's discovery.
        identity.MapGet("/", (HttpContext context) => new OpenStackReply(StatusCodes.Status300MultipleChoices,
            new JsonObject { ["versions"] = new JsonObject { ["values"] = new JsonArray(Version(context)) } }));
        identity.MapGet("/v3", (HttpContext context) => new OpenStackReply(StatusCodes.Status200OK, new JsonObject { ["version"] = Version(context) }));
        identity.MapPost("/v3/auth/tokens", (Delegate)((HttpContext context) => IssueAsync(context, fake)));
        identity.MapMethods("/v3/auth/tokens", ["GET", "HEAD"], (HttpContext context) => Validate(context, fake));
        identity.MapDelete("/v3/auth/tokens", (HttpContext context) => Revoke(context, fake));
        identity.MapGet("/v3/auth/catalog", (HttpContext context) => Catalog(context, fake));
    }

    private static async Task<IResult> IssueAsync(HttpContext context, OpenStackFake fake)
    {
        var identityUrl = ServiceCatalog.IdentityUrl(OpenStackRequests.BaseAddressOf(context));
        var (ok, body) = await OpenStackRequests.ReadJsonAsync(context.Request);
        if (!ok) return KeystoneErrors.Error(StatusCodes.Status400BadRequest, "Malformed JSON body.");
        if (body?["auth"] is not JsonObject auth) return KeystoneErrors.Validation("auth", "request body");
        if (auth["identity"] is not JsonObject identityNode) return KeystoneErrors.Validation("identity", "auth");
        lock (fake.Gate)
        {
            var now = fake.Now;
            var authentication = new KeystoneAuthentication(fake.Identity, now, identityUrl);
            var who = authentication.Identify(identityNode);
            var scope = who is null ? null : KeystoneScope.Resolve(auth["scope"], who, fake.Identity, authentication, identityUrl);
            if (who is null || scope is null) return authentication.Error!;

            var token = new IssuedToken
            {
                Value = OpenStackIds.NewToken(), User = who.User, Project = scope.Project, Domain = scope.Domain, System = scope.System,
                Roles = scope.Roles, Methods = identityNode["methods"]!.AsArray().Select(method => KeystoneAuthentication.Text(method)!).Distinct().ToList(),
                ApplicationCredential = who.Credential, IssuedAt = now, ExpiresAt = now + fake.Timings.TokenLifetime, AuditId = OpenStackIds.NewAuditId(),
            };
            fake.Identity.Tokens[token.Value] = token;
            return new OpenStackReply(StatusCodes.Status201Created, TokenBody(context, fake, token),
                headers: new Dictionary<string, string> { [OpenStackRequests.SubjectTokenHeader] = token.Value });
        }
    }

    /// <summary>GET (200 with the body) or HEAD (200 without): the subject token must be live, or expired with allow_expired.</summary>
    private static IResult Validate(HttpContext context, OpenStackFake fake)
    {
        lock (fake.Gate)
        {
            if (Caller(context, fake, out var denied) is not { } caller) return denied!;
            var subject = OpenStackRequests.Header(context, OpenStackRequests.SubjectTokenHeader);
            if (subject is null) return KeystoneErrors.Validation(OpenStackRequests.SubjectTokenHeader, "the request headers");
            var allowExpired = context.Request.Query["allow_expired"].ToString() is "1" or "true" or "True";
            var token = fake.Identity.Tokens.GetValueOrDefault(subject);
            if (token is null || token.Revoked || (!allowExpired && !token.IsValidAt(fake.Now)))
            {
                return KeystoneErrors.Error(StatusCodes.Status404NotFound, "Could not find token.");
            }

            if (!caller.IsAdmin && caller.User.Id != token.User.Id) return Forbidden();
            var headers = new Dictionary<string, string> { [OpenStackRequests.SubjectTokenHeader] = token.Value };
            return HttpMethods.IsHead(context.Request.Method)
                ? OpenStackReply.Empty(StatusCodes.Status200OK, headers)
                : new OpenStackReply(StatusCodes.Status200OK, TokenBody(context, fake, token), headers: headers);
        }
    }

    private static IResult Revoke(HttpContext context, OpenStackFake fake)
    {
        lock (fake.Gate)
        {
            if (Caller(context, fake, out var denied) is not { } caller) return denied!;
            var subject = OpenStackRequests.Header(context, OpenStackRequests.SubjectTokenHeader);
            if (subject is null) return KeystoneErrors.Validation(OpenStackRequests.SubjectTokenHeader, "the request headers");
            if (fake.Identity.ValidToken(subject, fake.Now) is not { } token) return KeystoneErrors.Error(StatusCodes.Status404NotFound, "Could not find token.");
            if (!caller.IsAdmin && caller.User.Id != token.User.Id) return Forbidden();
            token.Revoked = true;
            return OpenStackReply.Empty(StatusCodes.Status204NoContent);
        }
    }

    private static IResult Catalog(HttpContext context, OpenStackFake fake)
    {
        lock (fake.Gate)
        {
            if (Caller(context, fake, out var denied) is not { } caller) return denied!;
            if (caller.Project is null && caller.Domain is null && !caller.System)
            {
                return KeystoneErrors.Error(StatusCodes.Status403Forbidden, "A project-scoped token is required to produce a service catalog.");
            }

            return new OpenStackReply(StatusCodes.Status200OK, new JsonObject
            {
                ["catalog"] = ServiceCatalog.Build(OpenStackRequests.BaseAddressOf(context), fake, caller),
                ["links"] = new JsonObject { ["self"] = ServiceCatalog.IdentityUrl(OpenStackRequests.BaseAddressOf(context)) + "/v3/auth/catalog" },
            });
        }
    }

    /// <summary>The token in X-Auth-Token when live; else the 401 to send.</summary>
    private static IssuedToken? Caller(HttpContext context, OpenStackFake fake, out IResult? denied)
    {
        var token = fake.Identity.ValidToken(OpenStackRequests.Header(context, OpenStackRequests.AuthTokenHeader), fake.Now);
        denied = token is null ? KeystoneErrors.Unauthorized(ServiceCatalog.IdentityUrl(OpenStackRequests.BaseAddressOf(context))) : null;
        return token;
    }

    private static OpenStackReply Forbidden() =>
        KeystoneErrors.Error(StatusCodes.Status403Forbidden, "You are not authorized to perform the requested action: identity:validate_token.");

    /// <summary>Unscoped tokens carry no catalog; ?nocatalog leaves it out.</summary>
    private static JsonObject TokenBody(HttpContext context, OpenStackFake fake, IssuedToken token)
    {
        var scoped = token.Project is not null || token.Domain is not null || token.System;
        var catalog = scoped && !context.Request.Query.ContainsKey("nocatalog")
            ? ServiceCatalog.Build(OpenStackRequests.BaseAddressOf(context), fake, token)
            : null;
        return TokenJson.Write(token, fake.Identity, catalog);
    }

    private static JsonObject Version(HttpContext context) => new()
    {
        ["id"] = "v3.14",
        ["status"] = "stable",
        ["updated"] = "2020-04-07T00:00:00Z",
        ["links"] = new JsonArray(new JsonObject
        {
            ["rel"] = "self", ["href"] = ServiceCatalog.IdentityUrl(OpenStackRequests.BaseAddressOf(context)) + "/v3/",
        }),
        ["media-types"] = new JsonArray(new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.identity-v3+json" }),
    };
}
