using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.CloudMC;

/// <summary>The emulator on a manual clock, with a client for /cloudmc/api/v2/ sending the default MC-Api-Key.</summary>
public abstract class CloudMCTestBase : EmulatorTestBase
{
    protected const string Snapshots = "services/compute-on/test_area/snapshots";
    protected static readonly TimeSpan Creating = TimeSpan.FromSeconds(30);
    protected static readonly TimeSpan BackingUp = TimeSpan.FromSeconds(20);
    protected static readonly TimeSpan Destroying = TimeSpan.FromSeconds(10);

    protected CloudMCFake CloudMC => Host.CloudMC;

    protected HttpClient Api { get; private set; } = null!;

    protected override void Configure(EmulatorOptions options) =>
        options.CloudMCTimings = new CloudMCTimings { CreatingDelay = Creating, BackingUpDelay = BackingUp, DestroyingDelay = Destroying };

    protected HttpClient CloudMCClient(string? apiKey, string version = "v2")
    {
        var client = new HttpClient { BaseAddress = new Uri(Host.BaseAddress, $"cloudmc/api/{version}/"), Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("MC-Api-Key", apiKey);
        return Track(client);
    }

    protected async Task<(int Status, JsonElement Body)> McAsync(HttpMethod method, string path, string? json = null, HttpClient? client = null)
    {
        Api ??= CloudMCClient(CloudMCFake.DefaultApiKey);
        using var response = await SendAsync(client ?? Api, method, path, json);
        var empty = response.Content.Headers.ContentLength == 0;
        return ((int)response.StatusCode, empty ? default : await JsonAsync(response));
    }

    /// <summary>Creates through the API; returns the task id and the new snapshot's id (read from the listing).</summary>
    protected async Task<(string TaskId, string SnapshotId)> CreateAsync(string volumeId, string name, bool? rapid = null)
    {
        var rapidField = rapid is null ? "" : $",\"rapid\":{(rapid.Value ? "true" : "false")}";
        var (status, body) = await McAsync(HttpMethod.Post, Snapshots + "?operation=create", $$"""{"volumeId":"{{volumeId}}","name":"{{name}}"{{rapidField}}}""");
        Assert.Equal(200, status);
        Assert.Equal("PENDING", body.GetProperty("taskStatus").GetString());
        var (_, list) = await McAsync(HttpMethod.Get, $"{Snapshots}?volume_id={volumeId}");
        var snapshot = list.GetProperty("data").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        return (body.GetProperty("taskId").GetString()!, snapshot.GetProperty("id").GetString()!);
    }

    protected async Task<string> StateOfAsync(string snapshotId)
    {
        var (status, body) = await McAsync(HttpMethod.Get, $"{Snapshots}/{snapshotId}");
        Assert.Equal(200, status);
        return body.GetProperty("data").GetProperty("state").GetString()!;
    }

    protected async Task<JsonElement> TaskAsync(string taskId)
    {
        var (status, body) = await McAsync(HttpMethod.Get, "tasks/" + taskId);
        Assert.Equal(200, status);
        return body;
    }

    /// <summary>Asserts an {"errors": [...]} body with the status and the numeric code.</summary>
    protected static JsonElement AssertErrors(int status, JsonElement body, int expectedStatus, int code)
    {
        Assert.Equal(expectedStatus, status);
        var entry = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, entry.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("message").GetString()));
        return entry;
    }
}
