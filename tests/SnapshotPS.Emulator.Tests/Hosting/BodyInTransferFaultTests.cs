using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Hosting;

/// <summary>Connections dropped after the operation ran, and bodies cut off, trickling or stalled in transfer.</summary>
public sealed class BodyInTransferFaultTests : EmulatorTestBase
{
    private string CreateBody => $$"""{"name":"faulted","volume_id":"{{AddVolume()}}","project":"{{ScalewayFake.DefaultProjectId}}"}""";

    private static Task<HttpResponseMessage> HeadersFirstAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private async Task<byte[]> UnfaultedListAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Reads until the stream ends or fails; the bytes that arrived and the failure, if any.</summary>
    private static async Task<(int Received, Exception? Failure)> DrainAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        var received = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received += read;
            }

            return (received, null);
        }
        catch (Exception failure)
        {
            return (received, failure);
        }
    }

    [Fact]
    public async Task Drop_after_run_runs_the_operation_but_the_client_sees_a_connection_error()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.DropConnection, AfterRun = true, Method = "POST" });

        // A fresh client: on a pooled connection HttpClient may transparently retry a dropped request.
        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(NewClient(ScalewayFake.DefaultSecretKey), HttpMethod.Post, InstanceSnapshots, CreateBody));

        var (_, listed) = await CallAsync(HttpMethod.Get, InstanceSnapshots);
        Assert.Equal(["faulted"], Names(listed.GetProperty("snapshots")));
    }

    [Fact]
    public async Task Truncated_body_promises_the_whole_body_sends_half_and_the_read_fails()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 5, "cut-");
        var whole = await UnfaultedListAsync();
        Host.Faults.Add(new FaultRule { Kind = FaultKind.TruncatedBody, Method = "GET" });

        using var response = await HeadersFirstAsync(Client, HttpMethod.Get, InstanceSnapshots);
        var (received, failure) = await DrainAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(whole.Length, response.Content.Headers.ContentLength);
        Assert.Equal(whole.Length / 2, received);
        Assert.True(failure is IOException or HttpRequestException, $"expected an IOException or HttpRequestException, got {failure?.GetType().Name ?? "none"}");
    }

    [Fact]
    public async Task Sent_bytes_sets_where_the_body_is_cut()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 2, "cut-");
        Host.Faults.Add(new FaultRule { Kind = FaultKind.TruncatedBody, SentBytes = 10 });

        using var response = await HeadersFirstAsync(Client, HttpMethod.Get, InstanceSnapshots);
        var (received, failure) = await DrainAsync(response);

        Assert.Equal(10, received);
        Assert.NotNull(failure);
    }

    [Fact]
    public async Task Truncated_create_ran_and_a_buffering_client_gets_an_HttpRequestException()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.TruncatedBody, Method = "POST" });

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(NewClient(ScalewayFake.DefaultSecretKey), HttpMethod.Post, InstanceSnapshots, CreateBody));

        Assert.Equal(1, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public async Task Slow_body_trickles_in_chunks_and_arrives_whole()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 3, "slow-");
        var whole = await UnfaultedListAsync();
        var pause = TimeSpan.FromMilliseconds(20);
        Host.Faults.Add(new FaultRule { Kind = FaultKind.SlowBody, ChunkBytes = 256, Latency = pause });

        var stopwatch = Stopwatch.StartNew();
        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots);
        var body = await response.Content.ReadAsByteArrayAsync();
        stopwatch.Stop();

        var pauses = (whole.Length - 1) / 256;
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(whole, body);
        Assert.True(pauses >= 2, $"the body is too short to trickle: {whole.Length} bytes");
        Assert.True(stopwatch.Elapsed >= pause * pauses - TimeSpan.FromMilliseconds(15), $"{pauses} pauses took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Stalled_body_sends_the_headers_then_never_completes()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.StalledBody, Method = "POST" });

        using var response = await HeadersFirstAsync(Client, HttpMethod.Post, InstanceSnapshots, CreateBody);
        using var readTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        Assert.Equal(201, (int)response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 0);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => response.Content.ReadAsByteArrayAsync(readTimeout.Token));
        Assert.Equal(1, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public async Task Stalled_body_with_no_bytes_sent_still_holds_the_request_open()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.StalledBody, SentBytes = 0 });

        using var response = await HeadersFirstAsync(Client, HttpMethod.Get, InstanceSnapshots);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var readTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.ReadAtLeastAsync(new byte[16], 1, cancellationToken: readTimeout.Token));
    }

    [Fact]
    public async Task An_emulator_with_a_stalled_request_in_flight_stops_promptly()
    {
        var host = await EmulatorHost.StartAsync();
        host.Faults.Add(new FaultRule { Kind = FaultKind.StalledBody });
        using var client = new HttpClient { BaseAddress = new Uri(host.ScalewayEndpoint + "/") };
        client.DefaultRequestHeaders.Add("X-Auth-Token", ScalewayFake.DefaultSecretKey);
        using var response = await client.GetAsync(InstanceSnapshots, HttpCompletionOption.ResponseHeadersRead);
        var reading = response.Content.ReadAsByteArrayAsync();

        var stopwatch = Stopwatch.StartNew();
        await host.DisposeAsync();
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(4), $"stopping took {stopwatch.Elapsed}");
        await Assert.ThrowsAnyAsync<Exception>(() => reading);
    }

    [Fact]
    public async Task Malformed_body_keeps_a_matching_content_length_and_never_parses()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.MalformedBody, Method = "GET" });

        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }
}
