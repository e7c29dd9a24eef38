namespace SnapshotPS.Emulator.Tests.Hosting;

public sealed class RequestLogTests : EmulatorTestBase
{
    [Fact]
    public async Task Records_provider_method_full_path_query_and_body()
    {
        var body = $$"""{"name":"logged","volume_id":"{{AddVolume()}}"}""";
        await SendAsync(HttpMethod.Post, InstanceSnapshots + "?x=1", body);

        var recorded = Assert.Single(Host.Requests.Snapshot());

        Assert.Equal("scaleway", recorded.Provider);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/scaleway/instance/v1/zones/fr-par-1/snapshots", recorded.Path);
        Assert.Equal("x=1", recorded.Query);
        Assert.Equal(body, recorded.Body);
    }

    [Fact]
    public async Task Never_contains_the_token()
    {
        var unknownKey = Guid.NewGuid().ToString();
        await SendAsync(HttpMethod.Get, InstanceSnapshots);
        await SendAsync(NewClient(unknownKey), HttpMethod.Post, BlockSnapshots, "{}");

        var everything = string.Join("\n", Host.Requests.Snapshot().Select(request => request.ToString()));

        Assert.Equal(2, Host.Requests.Snapshot().Count);
        Assert.DoesNotContain(ScalewayFake.DefaultSecretKey, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(unknownKey, everything, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Faulted_requests_are_recorded_too()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 429 });

        await SendAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(1, Host.Requests.Count("scaleway", "GET", "/snapshots"));
    }

    [Fact]
    public async Task Count_matches_provider_method_and_path_fragment_and_Clear_empties()
    {
        await SendAsync(HttpMethod.Get, InstanceSnapshots);
        await SendAsync(HttpMethod.Get, InstanceSnapshots);
        await SendAsync(HttpMethod.Get, BlockSnapshots);

        Assert.Equal(2, Host.Requests.Count("scaleway", "GET", "/instance/v1/"));
        Assert.Equal(3, Host.Requests.Count("scaleway", "get", "/snapshots"));
        Assert.Equal(0, Host.Requests.Count("scaleway", "POST", "/snapshots"));
        Assert.Equal(0, Host.Requests.Count("outscale", "GET", "/snapshots"));

        Host.Requests.Clear();
        Assert.Empty(Host.Requests.Snapshot());
    }
}
