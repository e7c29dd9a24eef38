using Microsoft.AspNetCore.Http;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers;

/// <summary>
/// The whole exchange happens inside the resilience pipeline: a body cut off or stalled in transfer
/// fails the attempt, is retried for reads, and reaches the caller only as a typed error.
/// </summary>
public class ExchangeFaultTests
{
    private const string SnapshotId = "6c0a5c7e-6a56-4b0e-9a0b-0c6f3f1d2e11";
    private const string VolumeId = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
    private static readonly string InstanceSnapshot =
        $$$"""{"snapshot":{"id":"{{{SnapshotId}}}","name":"s","state":"available","size":1000,"tags":[],"zone":"fr-par-1"}}""";

    private static HttpPipelineOptions Http(Action<HttpPipelineOptions>? configure = null)
    {
        var options = new HttpPipelineOptions
        {
            MaxRetries = 2,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(20),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return options;
    }

    private static ScalewayProvider Scaleway(StubServer stub, Action<HttpPipelineOptions>? configure = null) => new(new ScalewayConnectionSettings
    {
        Endpoint = stub.BaseAddress,
        SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
        ProjectId = ScalewayFake.DefaultProjectId,
        Http = Http(configure),
    }, "stub");

    private static Task<CloudSnapshot> GetAsync(ScalewayProvider provider) =>
        provider.GetSnapshotAsync(new SnapshotLocator(SnapshotId, providerObject: new ScalewayInstanceSnapshot()), CancellationToken.None);

    private static Task<CloudSnapshot> CreateAsync(ScalewayProvider provider) =>
        provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = VolumeId, Name = "n" }, CancellationToken.None);

    [Fact]
    public async Task AReadWhoseBodyIsCutOffIsRetriedToSuccess()
    {
        await using var stub = await StubServer.StartAsync((context, n) =>
            n == 1 ? StubServer.CutOffAsync(context, InstanceSnapshot) : StubServer.JsonAsync(context, InstanceSnapshot));
        using var provider = Scaleway(stub);

        var snapshot = await GetAsync(provider);

        Assert.Equal(SnapshotId, snapshot.Id);
        Assert.Equal(2, stub.Requests);
    }

    [Fact]
    public async Task AReadWhoseBodyIsAlwaysCutOffEndsInATypedNetworkError()
    {
        await using var stub = await StubServer.StartAsync((context, _) => StubServer.CutOffAsync(context, InstanceSnapshot));
        using var provider = Scaleway(stub);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => GetAsync(provider));

        Assert.Equal(CloudErrorKind.Network, failure.Kind);
        Assert.True(failure.IsRetryable);
        Assert.False(failure.MayHaveSucceeded);
        Assert.Equal(3, stub.Requests);
    }

    [Fact]
    public async Task ACreateWhoseBodyIsCutOffIsNotSentAgainAndSaysItMayHaveSucceeded()
    {
        var posts = 0;
        await using var stub = await StubServer.StartAsync((context, _) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)) Interlocked.Increment(ref posts);
            return StubServer.CutOffAsync(context, InstanceSnapshot);
        });
        using var provider = Scaleway(stub);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => CreateAsync(provider));

        // The create is sent once; what follows are the lookups for the snapshot it may have made, whose
        // answers are cut off too, so the outcome stays unknown.
        Assert.True(failure.MayHaveSucceeded);
        Assert.Equal(1, Volatile.Read(ref posts));
    }

    [Fact]
    public async Task AStalledBodyIsEndedByTheAttemptTimeoutAndReportedAsATimeout()
    {
        await using var stub = await StubServer.StartAsync((context, _) => StubServer.StallAsync(context, InstanceSnapshot));
        using var provider = Scaleway(stub, o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(200); o.MaxRetries = 1; });

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => GetAsync(provider).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(CloudErrorKind.Timeout, failure.Kind);
        Assert.Equal(2, stub.Requests);
    }

    [Fact]
    public async Task AStalledBodyIsEndedByTheTotalTimeoutWhenTheAttemptsAreLonger()
    {
        await using var stub = await StubServer.StartAsync((context, _) => StubServer.StallAsync(context, InstanceSnapshot));
        using var provider = Scaleway(stub, o => { o.TotalTimeout = TimeSpan.FromMilliseconds(300); });

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => GetAsync(provider).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(CloudErrorKind.Timeout, failure.Kind);
    }

    [Fact]
    public async Task AReadWhoseBodyStalledOnceIsRetriedToSuccess()
    {
        await using var stub = await StubServer.StartAsync((context, n) =>
            n == 1 ? StubServer.StallAsync(context, InstanceSnapshot) : StubServer.JsonAsync(context, InstanceSnapshot));
        using var provider = Scaleway(stub, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        Assert.Equal(SnapshotId, (await GetAsync(provider)).Id);
        Assert.Equal(2, stub.Requests);
    }

    [Fact]
    public async Task ABodyLargerThanTheLimitIsAnInvalidResponse()
    {
        var padded = InstanceSnapshot.Insert(1, $"\"padding\":\"{new string('x', 8192)}\",");
        await using var stub = await StubServer.StartAsync((context, _) => StubServer.JsonAsync(context, padded));
        using var provider = Scaleway(stub, o => o.MaxResponseBytes = 4096);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => GetAsync(provider));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains("4096", failure.Message);
        Assert.Equal(1, stub.Requests);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "text/html")]
    [InlineData("", "application/json")]
    [InlineData("[]", "application/json")]
    [InlineData("{\"snapshot\":\"s\"}", "application/json")]
    [InlineData("{\"snapshot\":{\"id\":42}}", "application/json")]
    public async Task AnUnreadableBodyOnASuccessIsAnInvalidResponse(string body, string contentType)
    {
        await using var stub = await StubServer.StartAsync((context, _) => StubServer.JsonAsync(context, body, 200, contentType));
        using var provider = Scaleway(stub);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => GetAsync(provider));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
    }

    [Theory]
    [InlineData("{}", "snapshot is missing")]
    [InlineData("{\"snapshot\":{}}", "snapshot.id is missing or empty")]
    [InlineData("{\"snapshot\":{\"id\":null}}", "snapshot.id is missing or empty")]
    [InlineData("{\"snapshot\":{\"id\":\"\"}}", "snapshot.id is missing or empty")]
    [InlineData("{\"snapshot\":{\"id\":\"x\",\"size\":-1}}", "snapshot.size is -1")]
    [InlineData("{\"snapshot\":{\"id\":\"x\",\"tags\":[\"a\",null]}}", "snapshot.tags[1] is null")]
    public async Task AReplyMissingARequiredFieldIsAnInvalidResponseNamingIt(string body, string expected)
    {
        await using var stub = await StubServer.StartAsync((context, _) => StubServer.JsonAsync(context, body));
        using var provider = Scaleway(stub);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => GetAsync(provider));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public async Task ASizeThatOverflowsIsAnInvalidResponseNotANegativeNumber()
    {
        await using var stub = await StubServer.StartAsync((context, _) =>
            StubServer.JsonAsync(context, $$$"""{"snapshot":{"id":"{{{SnapshotId}}}","size":9223372036854775808}}"""));
        using var provider = Scaleway(stub);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => GetAsync(provider));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
    }

    [Fact]
    public async Task AListPageWithANullSnapshotIsAnInvalidResponse()
    {
        await using var stub = await StubServer.StartAsync((context, _) =>
        {
            context.Response.Headers["X-Total-Count"] = "2";
            return StubServer.JsonAsync(context, $$"""{"snapshots":[{"id":"{{SnapshotId}}"},null]}""");
        });
        using var provider = Scaleway(stub);

        var failure = await Assert.ThrowsAsync<CloudApiException>(async () =>
        {
            await foreach (var _ in provider.ListSnapshotsAsync(new SnapshotQuery { Location = "it-mil-1" }, CancellationToken.None)) { }
        });

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains("snapshots[1] is null", failure.Message);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("many")]
    public async Task AnInvalidTotalCountHeaderIsAnInvalidResponse(string total)
    {
        await using var stub = await StubServer.StartAsync((context, _) =>
        {
            context.Response.Headers["X-Total-Count"] = total;
            return StubServer.JsonAsync(context, $$"""{"snapshots":[{"id":"{{SnapshotId}}"}]}""");
        });
        using var provider = Scaleway(stub);

        var failure = await Assert.ThrowsAsync<CloudApiException>(async () =>
        {
            await foreach (var _ in provider.ListSnapshotsAsync(new SnapshotQuery { Location = "it-mil-1" }, CancellationToken.None)) { }
        });

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
    }

    private static OutscaleProvider Outscale(StubServer stub) => new(new OutscaleConnectionSettings
    {
        Endpoint = new Uri(stub.BaseAddress, "api/v1/"),
        AccessKey = OutscaleFake.DefaultAccessKey,
        SecretKey = SecretValue.FromPlainText(OutscaleFake.DefaultSecretKey),
        Http = Http(),
    }, "stub");

    [Theory]
    [InlineData("{}", "Snapshots is missing")]
    [InlineData("{\"Snapshots\":[{\"SnapshotId\":null}]}", "Snapshots[0].SnapshotId is missing or empty")]
    [InlineData("{\"Snapshots\":[{\"SnapshotId\":\"snap-0123abcd\",\"VolumeSize\":9007199254740992}]}", "Snapshots[0].VolumeSize is 9007199254740992")]
    [InlineData("{\"Snapshots\":[{\"SnapshotId\":\"snap-0123abcd\",\"Progress\":101}]}", "Snapshots[0].Progress is 101")]
    [InlineData("{\"Snapshots\":[{\"SnapshotId\":\"snap-0123abcd\",\"Tags\":[{\"Key\":null,\"Value\":\"v\"}]}]}", "Snapshots[0].Tags[0].Key is missing or empty")]
    [InlineData("{\"Snapshots\":[{\"SnapshotId\":\"snap-0123abcd\",\"Tags\":[{\"Key\":\"k\",\"Value\":null}]}]}", "Snapshots[0].Tags[0].Value is missing")]
    public async Task AnOutscaleReplyMissingOrBreakingAFieldIsAnInvalidResponseNotNotFound(string body, string expected)
    {
        await using var stub = await StubServer.StartAsync((context, _) => StubServer.JsonAsync(context, body));
        using var provider = Outscale(stub);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.GetSnapshotAsync(new SnapshotLocator("snap-0123abcd"), CancellationToken.None));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public async Task AnOutscaleDeleteWhoseAnswerIsCutOffIsRetried()
    {
        await using var stub = await StubServer.StartAsync((context, n) =>
            n == 1 ? StubServer.CutOffAsync(context, "{\"ResponseContext\":{\"RequestId\":\"r\"}}") : StubServer.JsonAsync(context, "{\"ResponseContext\":{}}"));
        using var provider = Outscale(stub);

        await provider.DeleteSnapshotAsync(new SnapshotLocator("snap-0123abcd"), CancellationToken.None);

        Assert.Equal(2, stub.Requests);
    }
}
