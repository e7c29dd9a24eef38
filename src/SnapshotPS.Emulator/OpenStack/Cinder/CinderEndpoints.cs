using System.Text.Json.Nodes;
using SnapshotPS.Emulator.OpenStack.Identity;

namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>
/// Cinder v3 under /openstack/{region}/{volume|volume-internal|volume-admin}/v3/{project_id}: the token is checked
/// first (Keystone-style 401, as keystonemiddleware answers), then the microversion, then the route.
/// </summary>
internal static class CinderEndpoints
{
    private const long MaxBodyBytes = 114_688;

    private static readonly HashSet<string> Services = ["volume", "volume-internal", "volume-admin"];

    public static void Map(RouteGroupBuilder group, OpenStackFake fake)
    {
        group.MapGet("/{region}/{service}", (HttpContext context, string region, string service) => Versions(context, region, service));
        group.Map("/{region}/{service}/v3/{**rest}", async (HttpContext context) =>
        {
            var result = await HandleAsync(context, fake, (string)context.GetRouteValue("region")!, (string)context.GetRouteValue("service")!,
                context.GetRouteValue("rest") as string);
            await result.ExecuteAsync(context);
        });
    }

    private static async Task<IResult> HandleAsync(HttpContext context, OpenStackFake fake, string region, string service, string? rest)
    {
        if (!OpenStackFake.Regions.Contains(region) || !Services.Contains(service)) return NoSuchResource();
        var segments = (rest ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return HttpMethods.IsGet(context.Request.Method) ? Versions(context, region, service, onlyV3: true) : NoSuchResource();
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            // oslo.middleware's sizelimit, in front of Cinder (reference B.9).
            return CinderErrors.Fault(StatusCodes.Status413PayloadTooLarge, "Request is too large.");
        }

        var (wellFormed, body) = HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)
            ? await OpenStackRequests.ReadJsonAsync(context.Request)
            : (true, null);

        lock (fake.Gate)
        {
            fake.Cinder.Settle(fake.Now);
            var token = fake.Identity.ValidToken(OpenStackRequests.Header(context, OpenStackRequests.AuthTokenHeader), fake.Now);
            var identityUrl = ServiceCatalog.IdentityUrl(OpenStackRequests.BaseAddressOf(context));
            if (token?.Project is null) return KeystoneErrors.ServiceUnauthorized(identityUrl);
            var version = Microversion.Read(context, out var badVersion);
            if (version is null) return badVersion!;
            Microversion.Echo(context.Response, version.Value);

            // Before 3.67 the project id must be in the URL; the reference asks for 401 when it is not the token's project.
            if (segments[0] == "snapshots")
            {
                if (version < 67) return NoSuchResource();
            }
            else if (segments[0] != token.Project.Id)
            {
                return KeystoneErrors.ServiceUnauthorized(identityUrl);
            }
            else
            {
                segments = segments[1..];
            }

            if (!wellFormed) return CinderErrors.BadRequest("Malformed request body");
            return Route(new CinderCall(context, fake, token, region, version.Value), segments, body);
        }
    }

    private static IResult Route(CinderCall call, string[] segments, JsonNode? body)
    {
        var method = call.Http.Request.Method;
        if (segments.Length == 0 || segments[0] != "snapshots") return NoSuchResource();
        if (segments.Length == 1)
        {
            if (HttpMethods.IsGet(method)) return SnapshotList.List(call, detail: false);
            return HttpMethods.IsPost(method) ? SnapshotCreate.Create(call, body) : BadMethod();
        }

        if (segments.Length == 2 && segments[1] == "detail") return HttpMethods.IsGet(method) ? SnapshotList.List(call, detail: true) : BadMethod();
        if (segments.Length > 4) return NoSuchResource();
        var snapshot = call.FindSnapshot(segments[1]);
        if (snapshot is null) return CinderErrors.SnapshotNotFound(segments[1]);
        return segments switch
        {
            [_, _] when HttpMethods.IsGet(method) => SnapshotChanges.Show(call, snapshot),
            [_, _] when HttpMethods.IsPut(method) => SnapshotChanges.Update(call, snapshot, body),
            [_, _] when HttpMethods.IsDelete(method) => SnapshotChanges.Delete(call, snapshot),
            [_, _, "action"] when HttpMethods.IsPost(method) => SnapshotChanges.Action(call, snapshot, body),
            [_, _, "metadata"] when HttpMethods.IsGet(method) || HttpMethods.IsPost(method) || HttpMethods.IsPut(method) =>
                SnapshotMetadata.All(call, snapshot, method, body),
            [_, _, "metadata", var key] when HttpMethods.IsGet(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method) =>
                SnapshotMetadata.One(call, snapshot, Uri.UnescapeDataString(key), method, body),
            [_, _] or [_, _, "action"] or [_, _, "metadata"] or [_, _, "metadata", _] => BadMethod(),
            _ => NoSuchResource(),
        };
    }

    /// <summary>Version discovery, served without a token: GET {root}/ lists v3, GET {root}/v3/ shows it.</summary>
    private static IResult Versions(HttpContext context, string region, string service, bool onlyV3 = false)
    {
        if (!OpenStackFake.Regions.Contains(region) || !Services.Contains(service)) return NoSuchResource();
        var root = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/openstack/{region}/{service}";
        var v3 = new JsonObject
        {
            ["id"] = "v3.0",
            ["status"] = "CURRENT",
            ["version"] = "3." + Microversion.MaxMinor,
            ["min_version"] = "3.0",
            ["updated"] = "2023-08-31T00:00:00Z",
            ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = root + "/v3/" }),
            ["media-types"] = new JsonArray(new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.volume+json;version=3" }),
        };
        return onlyV3
            ? new OpenStackReply(StatusCodes.Status200OK, new JsonObject { ["versions"] = new JsonArray(v3) })
            : new OpenStackReply(StatusCodes.Status300MultipleChoices, new JsonObject { ["versions"] = new JsonArray(v3) });
    }

    private static OpenStackReply NoSuchResource() => CinderErrors.NotFound("The resource could not be found.");

    private static OpenStackReply BadMethod() =>
        CinderErrors.Fault(StatusCodes.Status405MethodNotAllowed, "The method specified is not allowed for this resource.");
}
