using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>A reply as a test reads it: status, parsed body (Undefined when empty), and the headers.</summary>
public sealed record OpenStackAnswer(int Status, JsonElement Body, HttpResponseHeaders Headers)
{
    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}

/// <summary>
/// The emulator on a manual clock, spoken to over plain HTTP with raw JSON: Keystone at /openstack/identity/v3,
/// Cinder at the URL the catalog gives.
/// </summary>
public abstract class OpenStackTestBase : EmulatorTestBase
{
    protected const string RegionOne = OpenStackFake.RegionOne;
    protected const string RegionTwo = OpenStackFake.RegionTwo;

    protected OpenStackFake OpenStack => Host.OpenStack;

    protected HttpClient Http => field ??= Track(new HttpClient { Timeout = TimeSpan.FromSeconds(30) });

    protected string TokensUrl => Host.OpenStackAuthUrl + "/auth/tokens";

    protected override void Configure(EmulatorOptions options) =>
        options.OpenStackTimings = new OpenStackTimings { SnapshotDelay = Delay, DeleteDelay = Delay, TokenLifetime = TimeSpan.FromHours(1) };

    protected static string PasswordAuth(string user = OpenStackFake.DemoUserName, string password = OpenStackFake.DemoPassword,
        string? scope = null) =>
        $$"""{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "{{user}}", "domain": {"name": "Default"}, "password": "{{password}}"} } }{{ScopeMember(scope)}} } }""";

    private static string ScopeMember(string? scope) => scope is null ? "" : ", \"scope\": " + scope;

    protected static string ProjectScope(string project = OpenStackFake.DemoProjectName) =>
        $$"""{"project": {"name": "{{project}}", "domain": {"id": "default"} } }""";

    protected async Task<OpenStackAnswer> SendAsync(HttpMethod method, string url, string? json = null, string? token = null,
        string? version = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (token is not null) request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        if (version is not null) request.Headers.TryAddWithoutValidation("OpenStack-API-Version", version);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new OpenStackAnswer((int)response.StatusCode, body, response.Headers);
    }

    protected Task<OpenStackAnswer> IssueAsync(string json, string query = "") => SendAsync(HttpMethod.Post, TokensUrl + query, json);

    /// <summary>A project-scoped token for the user; fails the test when Keystone refuses.</summary>
    protected async Task<(string Token, JsonElement Body)> TokenAsync(string user = OpenStackFake.DemoUserName,
        string password = OpenStackFake.DemoPassword, string project = OpenStackFake.DemoProjectName)
    {
        var answer = await IssueAsync(PasswordAuth(user, password, ProjectScope(project)));
        Assert.True(answer.Status == 201, $"Keystone answered {answer.Status}: {answer.Body}");
        return (answer.Header("X-Subject-Token")!, answer.Body.GetProperty("token"));
    }

    /// <summary>The URL of a Cinder endpoint in a token's catalog.</summary>
    protected static string VolumeUrl(JsonElement token, string region = RegionOne, string @interface = "public", string type = "block-storage") =>
        token.GetProperty("catalog").EnumerateArray().Single(service => service.GetProperty("type").GetString() == type)
            .GetProperty("endpoints").EnumerateArray()
            .Single(endpoint => endpoint.GetProperty("region_id").GetString() == region && endpoint.GetProperty("interface").GetString() == @interface)
            .GetProperty("url").GetString()!;

    protected static void AssertKeystoneError(OpenStackAnswer answer, int status, string? message = null)
    {
        Assert.True(answer.Status == status, $"expected {status}, got {answer.Status}: {answer.Body}");
        var error = answer.Body.GetProperty("error");
        Assert.Equal(status, error.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("title").GetString()));
        if (message is not null) Assert.Equal(message, error.GetProperty("message").GetString());
    }

    protected static void AssertCinderFault(OpenStackAnswer answer, int status, string key, string? message = null)
    {
        Assert.True(answer.Status == status, $"expected {status}, got {answer.Status}: {answer.Body}");
        var fault = answer.Body.GetProperty(key);
        Assert.Equal(status, fault.GetProperty("code").GetInt32());
        if (message is not null) Assert.Equal(message, fault.GetProperty("message").GetString());
        Assert.StartsWith("req-", answer.Header("x-openstack-request-id"));
        Assert.Equal(answer.Header("x-openstack-request-id"), answer.Header("x-compute-request-id"));
    }

    /// <summary>A token of the user for the project and the public Cinder URL of the region from its catalog.</summary>
    protected async Task<CinderSession> CinderSessionAsync(string user = OpenStackFake.DemoUserName, string password = OpenStackFake.DemoPassword,
        string project = OpenStackFake.DemoProjectName, string region = RegionOne)
    {
        var (token, body) = await TokenAsync(user, password, project);
        return new CinderSession(token, VolumeUrl(body, region));
    }

    protected Task<OpenStackAnswer> CinderAsync(CinderSession session, HttpMethod method, string relative, string? json = null, string? version = null) =>
        SendAsync(method, session.Url + relative, json, session.Token, version is null ? null : "volume " + version);

    /// <summary>Creates a snapshot through the API (202) and returns its id.</summary>
    protected async Task<string> CreateSnapshotAsync(CinderSession session, string volumeId, string name = "snap-001", string extra = "")
    {
        var answer = await CinderAsync(session, HttpMethod.Post, "/snapshots", $$"""{"snapshot": {"volume_id": "{{volumeId}}", "name": "{{name}}"{{extra}} } }""");
        Assert.True(answer.Status == 202, $"create answered {answer.Status}: {answer.Body}");
        return answer.Body.GetProperty("snapshot").GetProperty("id").GetString()!;
    }

    protected static string[] Names(OpenStackAnswer answer) =>
        answer.Body.GetProperty("snapshots").EnumerateArray().Select(snapshot => snapshot.GetProperty("name").GetString()!).ToArray();
}

/// <summary>A token and the Cinder base URL it was issued for.</summary>
public sealed record CinderSession(string Token, string Url);
