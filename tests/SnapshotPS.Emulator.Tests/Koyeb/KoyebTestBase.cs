using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Koyeb;

/// <summary>A fresh emulator per test on a manual clock, with a client for /koyeb/ sending the default token.</summary>
public abstract class KoyebTestBase : EmulatorTestBase
{
    protected const string Snapshots = "v1/snapshots";
    protected static readonly TimeSpan CreateDelay = TimeSpan.FromMinutes(1);
    protected static readonly TimeSpan MigrateDelay = TimeSpan.FromMinutes(2);
    protected static readonly TimeSpan DeleteDelay = TimeSpan.FromMinutes(3);

    protected KoyebFake Koyeb => Host.Koyeb;

    /// <summary>Authenticated with <see cref="KoyebFake.DefaultToken"/>; paths are relative to /koyeb/.</summary>
    protected HttpClient KoyebClient => _client ??= NewKoyebClient(KoyebFake.DefaultToken);

    private HttpClient? _client;

    protected override void Configure(EmulatorOptions options) =>
        options.KoyebTimings = new KoyebTimings { CreateDelay = CreateDelay, MigrateDelay = MigrateDelay, DeleteDelay = DeleteDelay };

    /// <summary>A client for /koyeb/ with Authorization: Bearer token (no header when null).</summary>
    protected HttpClient NewKoyebClient(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(Host.KoyebEndpoint + "/"), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return Track(client);
    }

    protected async Task<(int Status, JsonElement Body)> KoyebAsync(HttpMethod method, string path, string? json = null, HttpClient? client = null)
    {
        using var response = await SendAsync(client ?? KoyebClient, method, path, json);
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0) return ((int)response.StatusCode, default);
        using var document = JsonDocument.Parse(text);
        return ((int)response.StatusCode, document.RootElement.Clone());
    }

    protected async Task<JsonElement> CreateAsync(string volumeId, string name = "db-before-upgrade")
    {
        var (status, body) = await KoyebAsync(HttpMethod.Post, Snapshots, $$"""{"parent_volume_id":"{{volumeId}}","name":"{{name}}"}""");
        Assert.Equal(200, status);
        return body.GetProperty("snapshot");
    }

    protected async Task<JsonElement> GetAsync(string id)
    {
        var (status, body) = await KoyebAsync(HttpMethod.Get, $"{Snapshots}/{id}");
        Assert.Equal(200, status);
        return body.GetProperty("snapshot");
    }

    protected static void AssertError(int expectedStatus, string expectedCode, int status, JsonElement body)
    {
        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedStatus, body.GetProperty("status").GetInt32());
        Assert.Equal(expectedCode, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    protected static void AssertField(int status, JsonElement body, string field)
    {
        AssertError(400, "invalid_argument", status, body);
        Assert.Contains(body.GetProperty("fields").EnumerateArray(), f =>
            f.GetProperty("field").GetString() == field && f.GetProperty("description").GetString()!.Length > 0);
    }
}
