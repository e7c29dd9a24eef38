using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Koyeb;
using SnapshotPS.Emulator;
using static SnapshotPS.Tests.Providers.Koyeb.KoyebEmulator;

namespace SnapshotPS.Tests.Providers.Koyeb;

/// <summary>
/// Koyeb's error shapes through the client: from the fake over loopback (Error, ErrorWithFields,
/// google.rpc.Status, 429), and from a canned transport for bodies the fake has no reason to send.
/// </summary>
[Collection("faults")]
public class KoyebErrorTests(EmulatorFixture emulator) : EmulatorFaultTests(emulator)
{
    private EmulatorHost Host => Emulator.Host;

    private void Inject(FaultKind kind, string method, int status = 503, int times = 1, string? pathContains = "/v1/snapshots", TimeSpan? retryAfter = null, string? errorCode = null) =>
        Host.Faults.Add(new FaultRule
        {
            Provider = "koyeb", Method = method, PathContains = pathContains, Kind = kind, StatusCode = status, Times = times,
            RetryAfter = retryAfter, ErrorCode = errorCode,
        });

    [Fact]
    public async Task AWrongTokenIsUnauthenticatedAndTheTokenIsNowhereInTheError()
    {
        const string token = "wrong-token-0123456789abcdef";
        using var provider = new KoyebProvider(Host.KoyebSettings(token), "bad");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(Guid.NewGuid().ToString()), CancellationToken.None));

        Assert.Equal(CloudErrorKind.Unauthenticated, failure.Kind);
        Assert.Equal(401, failure.StatusCode);
        Assert.Equal("authentication_error", failure.ErrorCode);
        Assert.Contains("Request unauthenticated with bearer", failure.Message);
        Assert.Contains("invalid or expired", failure.Message);
        Assert.DoesNotContain(token, failure.ToString());
        Assert.False(failure.IsRetryable);
    }

    [Fact]
    public async Task AGoogleRpcStatusIsReadByItsGrpcCode()
    {
        using var provider = Host.KoyebProvider(maxRetries: 0);
        Inject(FaultKind.Status, "GET", 502);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.ListSnapshotsAsync(new SnapshotQuery(), CancellationToken.None).ToListAsync());

        Assert.Equal(CloudErrorKind.ServerError, failure.Kind);
        Assert.Equal(502, failure.StatusCode);
        Assert.Equal("14", failure.ErrorCode);
        Assert.Contains("UNAVAILABLE", failure.Message);
        Assert.True(failure.IsRetryable);
        Assert.NotNull(failure.RequestId);
    }

    [Fact]
    public async Task AForbiddenErrorIsPermissionDenied()
    {
        using var provider = Host.KoyebProvider(maxRetries: 0);
        Inject(FaultKind.Status, "GET", 403);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(Guid.NewGuid().ToString()), CancellationToken.None));

        Assert.Equal(CloudErrorKind.PermissionDenied, failure.Kind);
        Assert.Equal("authorization_required", failure.ErrorCode);
    }

    [Fact]
    public async Task ARateLimitWithRetryAfterIsWaitedOutAndTheReadSucceeds()
    {
        var id = Host.Koyeb.SeedSnapshots(1, Unique("rl"))[0];
        using var provider = Host.KoyebProvider();
        Inject(FaultKind.Status, "GET", 429, retryAfter: TimeSpan.FromSeconds(1), pathContains: id);

        var snapshot = await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(id, snapshot.Id);
        Assert.Equal(2, Host.KoyebRequests("GET", id));
    }

    [Fact]
    public async Task AnExhaustedRateLimitIsThrottledWithKoyebsAdvice()
    {
        using var provider = Host.KoyebProvider(maxRetries: 0);
        Inject(FaultKind.Status, "GET", 429);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(Guid.NewGuid().ToString()), CancellationToken.None));

        Assert.Equal(CloudErrorKind.Throttled, failure.Kind);
        Assert.Equal("rate_limit_error", failure.ErrorCode);
        Assert.Contains("try again in a few seconds", failure.Message);
    }

    [Fact]
    public async Task ACreateIsNotResentBlindlyAfterA503ButReconciledByALookup()
    {
        var volume = Host.Koyeb.AddVolume("db");
        using var provider = Host.KoyebProvider();
        Host.Faults.Add(new FaultRule { Provider = "koyeb", Method = "POST", PathContains = "/v1/snapshots", Kind = FaultKind.Status, StatusCode = 503, AfterRun = true });
        var name = Unique("once");

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = name }, CancellationToken.None);

        Assert.Equal(name, created.Name);
        Assert.Equal(volume, created.VolumeId);
        Assert.Equal(1, Host.KoyebRequests("POST"));
        Assert.Single(await provider.ListSnapshotsAsync(new SnapshotQuery { Names = new[] { name } }, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task AListingOfOverAThousandSnapshotsCompletesUnderDropsCutBodiesAnd429s()
    {
        var prefix = Unique("rough");
        var ids = Host.Koyeb.SeedSnapshots(1100, prefix, region: "sfo");
        using var provider = Host.KoyebProvider(region: "sfo", maxRetries: 6);
        Host.Faults.Add(new FaultRule { Provider = "koyeb", Method = "GET", Kind = FaultKind.DropConnection, Probability = 0.15, Seed = 7, Times = int.MaxValue });
        Host.Faults.Add(new FaultRule { Provider = "koyeb", Method = "GET", Kind = FaultKind.TruncatedBody, Probability = 0.15, Seed = 11, Times = int.MaxValue });
        Host.Faults.Add(new FaultRule { Provider = "koyeb", Method = "GET", Kind = FaultKind.Status, StatusCode = 429, RetryAfterText = "0", Probability = 0.15, Seed = 13, Times = int.MaxValue });

        var listed = await provider.ListSnapshotsAsync(new SnapshotQuery { PageSize = 50 }, CancellationToken.None).ToListAsync();

        Assert.Equal(ids.Reverse(), listed.Select(s => s.Id));
        Assert.True(Host.Faults.Hits.Count > 0);
    }
}
