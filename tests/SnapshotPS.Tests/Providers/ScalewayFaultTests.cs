using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers;

/// <summary>Error bodies, retries under injected faults, and no blind re-send of a create.</summary>
[Collection("faults")]
public class ScalewayFaultTests(EmulatorFixture emulator) : EmulatorFaultTests(emulator)
{
    private void Inject(FaultKind kind, string method, string path, int status = 503, TimeSpan? retryAfter = null, int times = 1) =>
        Emulator.Host.Faults.Add(new FaultRule { Provider = "scaleway", Method = method, PathContains = path, Kind = kind, StatusCode = status, RetryAfter = retryAfter, Times = times });

    private static async Task<int> Count(ScalewayProvider provider, string zone)
    {
        var count = 0;
        await foreach (var _ in provider.ListSnapshotsAsync(new SnapshotQuery { Location = zone }, CancellationToken.None)) count++;
        return count;
    }

    [Fact]
    public async Task AWrongSecretKeyIsAnAuthenticationError()
    {
        var settings = Emulator.ScalewaySettings(secretKey: "99999999-9999-4999-8999-999999999999");
        using var provider = new ScalewayProvider(settings, "bad");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(Guid.NewGuid().ToString()), CancellationToken.None));

        Assert.Equal(CloudErrorKind.Unauthenticated, failure.Kind);
        Assert.Equal(401, failure.StatusCode);
        Assert.Equal("denied_authentication", failure.ErrorCode);
        Assert.DoesNotContain("99999999", failure.ToString());
    }

    [Fact]
    public async Task ARateLimitWithRetryAfterIsWaitedOutAndTheReadSucceeds()
    {
        Emulator.Scaleway.SeedInstanceSnapshots("nl-ams-1", 3, "rl-");
        using var provider = Emulator.ScalewayProvider("nl-ams-1");
        Inject(FaultKind.Status, "GET", "/instance/v1/zones/nl-ams-1/snapshots", 429, TimeSpan.FromSeconds(1));

        Assert.Equal(3, await Count(provider, "nl-ams-1"));
        Assert.Equal(2, Emulator.ScalewayRequests("GET", "/instance/v1/zones/nl-ams-1/snapshots"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task ServerErrorsOnReadsAreRetried(int status)
    {
        var id = Emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "srv-")[0];
        using var provider = Emulator.ScalewayProvider();
        Inject(FaultKind.Status, "GET", id, status, times: 2);

        var snapshot = await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(id, snapshot.Id);
        Assert.Equal(3, Emulator.ScalewayRequests("GET", id));
    }

    [Fact]
    public async Task ADroppedConnectionOnAReadIsRetried()
    {
        var id = Emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "drop-")[0];
        using var provider = Emulator.ScalewayProvider();
        Inject(FaultKind.DropConnection, "GET", id);

        Assert.Equal(id, (await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None)).Id);
    }

    [Fact]
    public async Task PersistentServerErrorsEndInATypedRetryableError()
    {
        var id = Emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "down-")[0];
        using var provider = Emulator.ScalewayProvider();
        Inject(FaultKind.Status, "GET", id, 503, times: int.MaxValue);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None));

        Assert.Equal(CloudErrorKind.ServerError, failure.Kind);
        Assert.True(failure.IsRetryable);
        Assert.Equal(4, Emulator.ScalewayRequests("GET", id));
    }

    [Fact]
    public async Task ACreateThatHitAServerErrorIsNotSentAgain()
    {
        var volume = Emulator.Scaleway.AddInstanceVolume("fr-par-3", "v", 1_000_000_000);
        using var provider = Emulator.ScalewayProvider("fr-par-3");
        Inject(FaultKind.Status, "POST", "/instance/v1/zones/fr-par-3/snapshots", 503);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None));

        Assert.Equal(CloudErrorKind.ServerError, failure.Kind);
        Assert.Equal(1, Emulator.ScalewayRequests("POST", "/instance/v1/zones/fr-par-3/snapshots"));
    }

    [Fact]
    public async Task ACreateWhoseConnectionDroppedIsNotSentAgainAndIsLookedForBeforeItIsReportedAsNotMade()
    {
        var volume = Emulator.Scaleway.AddInstanceVolume("pl-waw-2", "v", 1_000_000_000);
        using var provider = Emulator.ScalewayProvider("pl-waw-2");
        var before = Emulator.Scaleway.InstanceSnapshotCount("pl-waw-2");
        Inject(FaultKind.DropConnection, "POST", "/instance/v1/zones/pl-waw-2/snapshots");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None));

        Assert.Equal(CloudErrorKind.Network, failure.Kind);
        Assert.False(failure.MayHaveSucceeded);
        Assert.Contains("No snapshot was created", failure.Message);
        Assert.Equal(1, Emulator.ScalewayRequests("POST", "/instance/v1/zones/pl-waw-2/snapshots"));
        Assert.Equal(before, Emulator.Scaleway.InstanceSnapshotCount("pl-waw-2"));
    }

    [Fact]
    public async Task ACreateOnAWarmConnectionThatDropsIsNotSilentlyResentByTheHttpStack()
    {
        var volume = Emulator.Scaleway.AddInstanceVolume("pl-waw-3", "v", 1_000_000_000);
        using var provider = Emulator.ScalewayProvider("pl-waw-3");
        await Count(provider, "pl-waw-3");
        Inject(FaultKind.DropConnection, "POST", "/instance/v1/zones/pl-waw-3/snapshots");

        await Assert.ThrowsAsync<CloudApiException>(() => provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None));

        Assert.Equal(1, Emulator.ScalewayRequests("POST", "/instance/v1/zones/pl-waw-3/snapshots"));
    }

    [Fact]
    public async Task ACreateWithAnUnreadableAnswerIsNotSentAgainAndTheSnapshotItMadeIsWritten()
    {
        var volume = Emulator.Scaleway.AddInstanceVolume("nl-ams-3", "v", 1_000_000_000);
        using var provider = Emulator.ScalewayProvider("nl-ams-3");
        var before = Emulator.Scaleway.InstanceSnapshotCount("nl-ams-3");
        Inject(FaultKind.MalformedBody, "POST", "/instance/v1/zones/nl-ams-3/snapshots");

        var made = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);

        Assert.Equal(volume, made.VolumeId);
        Assert.Equal(1, Emulator.ScalewayRequests("POST", "/instance/v1/zones/nl-ams-3/snapshots"));
        Assert.Equal(before + 1, Emulator.Scaleway.InstanceSnapshotCount("nl-ams-3"));
    }

    [Fact]
    public async Task ACreateRefusedWithA429IsSentAgainAndMadeOnce()
    {
        var volume = Emulator.Scaleway.AddInstanceVolume("fr-par-2", "v", 1_000_000_000);
        using var provider = Emulator.ScalewayProvider("fr-par-2");
        var before = Emulator.Scaleway.InstanceSnapshotCount("fr-par-2");
        Inject(FaultKind.Status, "POST", "/instance/v1/zones/fr-par-2/snapshots", 429);

        await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);

        Assert.Equal(2, Emulator.ScalewayRequests("POST", "/instance/v1/zones/fr-par-2/snapshots"));
        Assert.Equal(before + 1, Emulator.Scaleway.InstanceSnapshotCount("fr-par-2"));
    }

    [Fact]
    public async Task AnUnreadableListPageIsATypedInvalidResponseThatChangedNothing()
    {
        Emulator.Scaleway.SeedInstanceSnapshots("pl-waw-1", 2, "mal-");
        using var provider = Emulator.ScalewayProvider("pl-waw-1");
        Inject(FaultKind.MalformedBody, "GET", "/instance/v1/zones/pl-waw-1/snapshots");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => Count(provider, "pl-waw-1"));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.False(failure.MayHaveSucceeded);
    }

    [Fact]
    public async Task InjectedLatencyDelaysButDoesNotBreakAListing()
    {
        Emulator.Scaleway.SeedInstanceSnapshots("fr-par-3", 5, "slow-");
        using var provider = Emulator.ScalewayProvider("fr-par-3");
        Emulator.Host.Faults.Add(new FaultRule { Provider = "scaleway", Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(50), Times = int.MaxValue });

        Assert.True(await Count(provider, "fr-par-3") >= 5);
    }

    [Fact]
    public async Task NoResponseWithinTheAttemptTimeoutEndsInATimeoutError()
    {
        var id = Emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "late-")[0];
        var settings = Emulator.ScalewaySettings();
        settings.Http.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        settings.Http.MaxRetries = 1;
        using var provider = new ScalewayProvider(settings, "slow");
        Emulator.Host.Faults.Add(new FaultRule { Provider = "scaleway", PathContains = id, Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(3), Times = int.MaxValue });

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None));

        Assert.Equal(CloudErrorKind.Timeout, failure.Kind);
        Assert.False(failure.MayHaveSucceeded);
    }

    [Fact]
    public async Task TracingNamesEachCallButNeverTheSecretKey()
    {
        var lines = new List<string>();
        var id = Emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "trace-")[0];
        using var provider = Emulator.ScalewayProvider();
        Inject(FaultKind.Status, "GET", id, 503);
        using (Core.Http.HttpTrace.Use(l => { lock (lines) lines.Add(l); }))
        {
            await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);
        }

        Assert.Contains(lines, l => l.Contains($"GET {Emulator.Host.ScalewayEndpoint}/instance/v1/zones/fr-par-1/snapshots/{id} -> 503"));
        Assert.Contains(lines, l => l.Contains("-> 200") && l.Contains("request id"));
        Assert.DoesNotContain(lines, l => l.Contains(ScalewayFake.DefaultSecretKey));
    }
}
