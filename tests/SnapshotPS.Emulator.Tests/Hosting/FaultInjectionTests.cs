using System.Diagnostics;
using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Hosting;

public sealed class FaultInjectionTests : EmulatorTestBase
{
    private string CreateBody => $$"""{"name":"faulted","volume_id":"{{AddVolume()}}"}""";

    [Fact]
    public async Task Status_429_has_retry_after_rounded_up_an_empty_body_and_does_not_execute()
    {
        Host.Faults.Add(new FaultRule { Provider = "scaleway", Kind = FaultKind.Status, StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(1.2) });

        using var response = await SendAsync(HttpMethod.Post, InstanceSnapshots, CreateBody);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public async Task Status_503_has_a_json_error_body_and_is_spent_after_one_hit()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 503 });

        var (first, body) = await CallAsync(HttpMethod.Get, InstanceSnapshots);
        var (second, _) = await CallAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(503, first);
        Assert.Equal("service_unavailable", body.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
        Assert.Equal(200, second);
    }

    [Fact]
    public async Task Times_limits_how_many_requests_a_rule_hits()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 502, Times = 3 });

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await CallAsync(HttpMethod.Get, BlockSnapshots)).Status);
        }

        Assert.Equal([502, 502, 502, 200], statuses);
    }

    [Fact]
    public async Task Drop_connection_fails_the_client_with_HttpRequestException_and_does_not_execute()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Method = "POST" });

        // A fresh client: on a pooled connection HttpClient may transparently retry a dropped request.
        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(NewClient(ScalewayFake.DefaultSecretKey), HttpMethod.Post, InstanceSnapshots, CreateBody));

        Assert.Equal(0, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public async Task Malformed_body_executes_the_operation_but_the_body_does_not_parse()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.MalformedBody, Method = "POST", PathContains = "/snapshots" });

        using var response = await SendAsync(HttpMethod.Post, InstanceSnapshots, CreateBody);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(201, (int)response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        var (_, listed) = await CallAsync(HttpMethod.Get, InstanceSnapshots);
        Assert.Equal(["faulted"], Names(listed.GetProperty("snapshots")));
    }

    [Fact]
    public async Task Latency_delays_then_serves_normally()
    {
        var latency = TimeSpan.FromMilliseconds(300);
        Host.Faults.Add(new FaultRule { Kind = FaultKind.Latency, Latency = latency });

        var stopwatch = Stopwatch.StartNew();
        var (status, body) = await CallAsync(HttpMethod.Get, InstanceSnapshots);
        stopwatch.Stop();

        Assert.Equal(200, status);
        Assert.True(body.TryGetProperty("snapshots", out _));
        Assert.True(stopwatch.Elapsed >= latency - TimeSpan.FromMilliseconds(50), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Rules_match_only_their_provider_method_and_path()
    {
        Host.Faults.Add(new FaultRule { Provider = "outscale", Kind = FaultKind.Status, StatusCode = 500, Times = int.MaxValue });
        Host.Faults.Add(new FaultRule { Method = "DELETE", Kind = FaultKind.Status, StatusCode = 500, Times = int.MaxValue });
        Host.Faults.Add(new FaultRule { PathContains = "/block/", Kind = FaultKind.Status, StatusCode = 500, Times = int.MaxValue });

        var (instanceGet, _) = await CallAsync(HttpMethod.Get, InstanceSnapshots);
        var (instanceDelete, _) = await CallAsync(HttpMethod.Delete, $"{InstanceSnapshots}/{Guid.NewGuid()}");
        var (blockGet, _) = await CallAsync(HttpMethod.Get, BlockSnapshots);

        Assert.Equal(200, instanceGet);
        Assert.Equal(500, instanceDelete);
        Assert.Equal(500, blockGet);
    }

    [Fact]
    public async Task Forever_rules_keep_hitting_until_cleared()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 429, Times = int.MaxValue });

        var (first, _) = await CallAsync(HttpMethod.Get, BlockSnapshots);
        var (second, _) = await CallAsync(HttpMethod.Get, BlockSnapshots);
        Host.Faults.Clear();
        var (afterClear, _) = await CallAsync(HttpMethod.Get, BlockSnapshots);

        Assert.Equal([429, 429, 200], new[] { first, second, afterClear });
    }

    [Fact]
    public async Task Admin_surface_is_never_faulted()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, Times = int.MaxValue });
        using var admin = new HttpClient { BaseAddress = Host.BaseAddress };

        using var response = await admin.GetAsync("_emulator");

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public void Invalid_rules_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Host.Faults.Add(new FaultRule { Kind = FaultKind.Status, Times = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Host.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 42 }));
        Assert.Throws<ArgumentNullException>(() => Host.Faults.Add(null!));
    }
}
