using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Providers.OpenStack;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>
/// A scripted OpenStack on loopback: Keystone issues tokens tok-1, tok-2, ... with a catalog pointing
/// at /cinder/v3/{project}; Cinder requests go to the handler given, which sees the token sent.
/// </summary>
public sealed class StubOpenStack : IAsyncDisposable
{
    public const string ProjectId = "a6944d763bf64ee6a275f1263fae0352";
    public const string Password = "stub-password-7741";

    private readonly Func<HttpContext, string, Task> _cinder;
    private StubServer _server = null!;
    private int _tokens;

    private StubOpenStack(Func<HttpContext, string, Task> cinder) => _cinder = cinder;

    /// <summary>How long each token lives, as Keystone says.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public int TokensIssued => Volatile.Read(ref _tokens);

    /// <summary>From this login on (1-based), Keystone answers 401 as for a changed password.</summary>
    public int? RefuseLoginsFrom { get; set; }

    public ConcurrentQueue<string> TokenBodies { get; } = new();

    public ConcurrentQueue<string> CinderRequests { get; } = new();

    public Uri AuthUrl => new(_server.BaseAddress, "identity/v3");

    public static async Task<StubOpenStack> StartAsync(Func<HttpContext, string, Task> cinder)
    {
        var stub = new StubOpenStack(cinder);
        stub._server = await StubServer.StartAsync((context, _) => stub.AnswerAsync(context));
        return stub;
    }

    public OpenStackConnectionSettings Settings(Func<DateTimeOffset>? clock = null) => new()
    {
        Endpoint = AuthUrl,
        Username = "alice",
        UserDomainName = "Default",
        Password = SecretValue.FromPlainText(Password),
        ProjectName = "demo",
        ProjectDomainName = "Default",
        Region = "RegionOne",
        Clock = clock,
        Http = OpenStackEmulatorFixture.FastHttp(),
    };

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.EndsWith("/auth/tokens", StringComparison.Ordinal))
        {
            using var reader = new StreamReader(context.Request.Body);
            TokenBodies.Enqueue(await reader.ReadToEndAsync());
            var number = Interlocked.Increment(ref _tokens);
            if (number >= RefuseLoginsFrom)
            {
                context.Response.Headers["x-openstack-request-id"] = "req-keystone-refused";
                await StubServer.JsonAsync(context, """{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""", 401);
                return;
            }
            var issued = DateTimeOffset.UtcNow;
            context.Response.Headers["X-Subject-Token"] = "tok-" + number;
            context.Response.Headers["x-openstack-request-id"] = "req-keystone-" + number;
            var cinder = new Uri(_server.BaseAddress, "cinder/v3/{project_id}").AbsoluteUri.Replace("%7B", "{").Replace("%7D", "}");
            await StubServer.JsonAsync(context, $$$"""
                {"token": {"methods": ["password"], "project": {"id": "{{{ProjectId}}}", "name": "demo", "domain": {"id": "default"}},
                  "issued_at": "{{{issued:yyyy-MM-ddTHH:mm:ss.ffffffZ}}}", "expires_at": "{{{issued + TokenLifetime:yyyy-MM-ddTHH:mm:ss.ffffffZ}}}",
                  "catalog": [{"type": "identity", "endpoints": []},
                              {"type": "block-storage", "name": "cinder", "endpoints": [
                                {"interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "{{{cinder}}}"}]}]}}
                """, 201);
            return;
        }
        CinderRequests.Enqueue($"{context.Request.Method} {path}{context.Request.QueryString}");
        await _cinder(context, context.Request.Headers["X-Auth-Token"].ToString());
    }

    /// <summary>Cinder's 401 from keystonemiddleware: the Keystone error body (reference B.8).</summary>
    public static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers["WWW-Authenticate"] = "Keystone uri=\"http://127.0.0.1/identity\"";
        return StubServer.JsonAsync(context, """{"error": {"code": 401, "title": "Unauthorized", "message": "The request you have made requires authentication."}}""", 401);
    }

    public static string Snapshot(string id, string status = "available", string name = "snap") =>
        $$"""{"id": "{{id}}", "name": "{{name}}", "description": null, "status": "{{status}}", "size": 10, "metadata": {}, "volume_id": "5aa119a8-d25b-45a7-8d1b-88e127885635", "created_at": "2025-03-04T10:24:34.469003", "updated_at": null}""";

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
