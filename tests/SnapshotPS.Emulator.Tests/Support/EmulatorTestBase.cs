using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Support;

/// <summary>
/// Starts a fresh emulator on a free port for each test, on a manual clock, with an HttpClient that talks
/// to the Scaleway endpoint with the default secret key.
/// </summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    protected const string Zone = "fr-par-1";
    protected const string InstanceSnapshots = "instance/v1/zones/fr-par-1/snapshots";
    protected const string BlockSnapshots = "block/v1/zones/fr-par-1/snapshots";
    protected const long TwentyGb = 20_000_000_000;

    /// <summary>Long enough that nothing settles unless the test advances the clock.</summary>
    protected static readonly TimeSpan Delay = TimeSpan.FromMinutes(1);

    private readonly List<HttpClient> _clients = [];

    protected ManualTimeProvider Clock { get; } = new();

    protected EmulatorHost Host { get; private set; } = null!;

    protected ScalewayFake Scaleway => Host.Scaleway;

    /// <summary>Authenticated with <see cref="ScalewayFake.DefaultSecretKey"/>; paths are relative to /scaleway/.</summary>
    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions
        {
            TimeProvider = Clock,
            ScalewayTimings = new ScalewayTimings
            {
                SnapshotDelay = Delay, ImportDelay = Delay, ExportDelay = Delay, BlockCreateDelay = Delay,
            },
            OutscaleTimings = new OutscaleTimings { SnapshotDelay = Delay, ImportDelay = Delay, ExportDelay = Delay },
        };
        Configure(options);
        Host = await EmulatorHost.StartAsync(options);
        Client = NewClient(ScalewayFake.DefaultSecretKey);
    }

    /// <summary>Adjusts the options before the emulator starts.</summary>
    protected virtual void Configure(EmulatorOptions options)
    {
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
    }

    /// <summary>A client for /scaleway/ sending the given X-Auth-Token (none when null).</summary>
    protected HttpClient NewClient(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(Host.ScalewayEndpoint + "/"), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-Auth-Token", token);
        }

        return Track(client);
    }

    /// <summary>Disposes the client with the test.</summary>
    protected HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    protected static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return client.SendAsync(request);
    }

    protected Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null) => SendAsync(Client, method, path, json);

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Sends and returns the status with the parsed body (an Undefined element when the body is empty).</summary>
    protected async Task<(int Status, JsonElement Body)> CallAsync(HttpMethod method, string path, string? json = null)
    {
        using var response = await SendAsync(method, path, json);
        var empty = response.Content.Headers.ContentLength == 0;
        return ((int)response.StatusCode, empty ? default : await JsonAsync(response));
    }

    protected string AddVolume(string name = "data-volume") => Scaleway.AddInstanceVolume(Zone, name, TwentyGb);

    /// <summary>Creates an instance snapshot of a fresh volume through the API; returns its id.</summary>
    protected async Task<string> CreateInstanceSnapshotAsync(string name = "backup", string? volumeId = null)
    {
        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots,
            $$"""{"name":"{{name}}","volume_id":"{{volumeId ?? AddVolume()}}","project":"{{ScalewayFake.DefaultProjectId}}"}""");
        Assert.Equal(201, status);
        return body.GetProperty("snapshot").GetProperty("id").GetString()!;
    }

    protected async Task<JsonElement> GetInstanceSnapshotAsync(string id)
    {
        var (status, body) = await CallAsync(HttpMethod.Get, $"{InstanceSnapshots}/{id}");
        Assert.Equal(200, status);
        return body.GetProperty("snapshot");
    }

    protected async Task<JsonElement> GetBlockSnapshotAsync(string id)
    {
        var (status, body) = await CallAsync(HttpMethod.Get, $"{BlockSnapshots}/{id}");
        Assert.Equal(200, status);
        return body;
    }

    protected static string[] Names(JsonElement array) =>
        array.EnumerateArray().Select(item => item.GetProperty("name").GetString()!).ToArray();

    protected static void AssertInvalidArgument(int status, JsonElement body, string argument, string reason)
    {
        Assert.Equal(400, status);
        Assert.Equal("invalid_arguments", body.GetProperty("type").GetString());
        Assert.Contains(body.GetProperty("details").EnumerateArray(), detail =>
            detail.GetProperty("argument_name").GetString() == argument &&
            detail.GetProperty("reason").GetString() == reason &&
            detail.GetProperty("help_message").GetString()!.Length > 0);
    }
}
