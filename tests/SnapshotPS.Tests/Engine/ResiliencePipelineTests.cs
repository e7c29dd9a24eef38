using System.Net;
using System.Net.Sockets;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Tests.Engine;

public class ResiliencePipelineTests
{
    /// <summary>Answers each attempt from a script and counts attempts.</summary>
    private sealed class ScriptedTransport : HttpMessageHandler
    {
        private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script;
        public int Attempts;
        public List<string?> AuthHeaders { get; } = new();

        public ScriptedTransport(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] script) => _script = new(script);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Attempts);
            AuthHeaders.Add(request.Headers.TryGetValues("X-Test-Auth", out var v) ? v.Single() : null);
            return _script.Count > 0 ? _script.Dequeue()(request, cancellationToken) : Task.FromResult(Status(HttpStatusCode.OK));
        }
    }

    private sealed class StampingAuth : DelegatingHandler
    {
        private int _count;
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("X-Test-Auth");
            request.Headers.Add("X-Test-Auth", $"sig-{Interlocked.Increment(ref _count)}");
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static HttpResponseMessage Status(HttpStatusCode code, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(code) { Content = new StringContent("{}") };
        if (retryAfter is { } wait) response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
        return response;
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer(HttpStatusCode code, TimeSpan? retryAfter = null) =>
        (_, _) => Task.FromResult(Status(code, retryAfter));

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Fail(Exception failure) => (_, _) => Task.FromException<HttpResponseMessage>(failure);

    private static HttpRequestException Refused() => new("refused", new SocketException((int)SocketError.ConnectionRefused));
    private static HttpRequestException Reset() => new("reset", new IOException("The response ended prematurely."));

    private static HttpClient Client(ScriptedTransport transport, Action<HttpPipelineOptions>? configure = null)
    {
        var options = new HttpPipelineOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };
        configure?.Invoke(options);
        return CloudHttpClientFactory.Create(CloudProvider.Scaleway, new Uri("http://127.0.0.1:9/"), new StampingAuth(), options, transport);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task AnIdempotentRequestIsRetriedOnTransientStatuses(HttpStatusCode status)
    {
        var transport = new ScriptedTransport(Answer(status), Answer(status));
        using var client = Client(transport);
        using var response = await client.GetAsync("snapshots");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, transport.Attempts);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task PermanentStatusesAreNotRetried(HttpStatusCode status)
    {
        var transport = new ScriptedTransport(Answer(status));
        using var client = Client(transport);
        using var response = await client.GetAsync("snapshots");
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(1, transport.Attempts);
    }

    [Fact]
    public async Task AnAssemblyThatCannotLoadIsNamedAsSuchNotTakenForTheNetworkOrRetried()
    {
        var conflict = new FileLoadException(
            "Could not load file or assembly 'AWSSDK.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken=885c28607f98e604'.",
            "AWSSDK.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken=885c28607f98e604");
        var transport = new ScriptedTransport(Fail(conflict), Fail(conflict));
        using var client = Client(transport);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync("snapshots"));

        Assert.Equal(1, transport.Attempts);
        Assert.IsType<DependencyLoadException>(failure);
        Assert.Contains("AWSSDK.Core, Version=4.0.0.0", failure.Message);
        Assert.Contains("could not load", failure.Message);
        Assert.DoesNotContain("could not be reached", failure.Message);
        Assert.Same(conflict, failure.InnerException);
    }

    [Fact]
    public async Task RetriesStopAfterTheLimitAndTheLastAnswerIsReturned()
    {
        var transport = new ScriptedTransport(Enumerable.Repeat(Answer(HttpStatusCode.ServiceUnavailable), 10).ToArray());
        using var client = Client(transport);
        using var response = await client.GetAsync("snapshots");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, transport.Attempts);
    }

    [Fact]
    public async Task APostIsNotRetriedAfterAServerErrorItMayHaveActedOn()
    {
        var transport = new ScriptedTransport(Answer(HttpStatusCode.ServiceUnavailable));
        using var client = Client(transport);
        using var response = await client.PostAsync("snapshots", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, transport.Attempts);
    }

    [Fact]
    public async Task APostIsRetriedAfterA429BecauseTheServerRefusedIt()
    {
        var transport = new ScriptedTransport(Answer(HttpStatusCode.TooManyRequests));
        using var client = Client(transport);
        using var response = await client.PostAsync("snapshots", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, transport.Attempts);
    }

    [Fact]
    public async Task APostIsRetriedWhenTheConnectionWasNeverOpened()
    {
        var transport = new ScriptedTransport(Fail(Refused()));
        using var client = Client(transport);
        using var response = await client.PostAsync("snapshots", new StringContent("{}"));
        Assert.Equal(2, transport.Attempts);
    }

    [Fact]
    public async Task APostWhoseConnectionDroppedIsNotRetriedAndSaysItMayHaveSucceeded()
    {
        var transport = new ScriptedTransport(Fail(Reset()));
        using var client = Client(transport);
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => client.PostAsync("snapshots", new StringContent("{}")));
        Assert.Equal(1, transport.Attempts);
        Assert.Equal(CloudErrorKind.Network, failure.Kind);
        Assert.True(failure.MayHaveSucceeded);
    }

    [Fact]
    public async Task AGetWhoseConnectionDroppedIsRetried()
    {
        var transport = new ScriptedTransport(Fail(Reset()));
        using var client = Client(transport);
        using var response = await client.GetAsync("snapshots");
        Assert.Equal(2, transport.Attempts);
    }

    [Fact]
    public async Task APostMarkedIdempotentIsRetriedLikeAGet()
    {
        var transport = new ScriptedTransport(Answer(HttpStatusCode.BadGateway));
        using var client = Client(transport);
        using var request = new HttpRequestMessage(HttpMethod.Post, "ReadSnapshots") { Content = new StringContent("{}") };
        using var response = await client.SendAsync(request.MarkIdempotent());
        Assert.Equal(2, transport.Attempts);
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheLimitIsNotWaitedFor()
    {
        var transport = new ScriptedTransport(Answer(HttpStatusCode.TooManyRequests, TimeSpan.FromMinutes(10)));
        using var client = Client(transport, o => o.MaxRetryAfter = TimeSpan.FromSeconds(1));
        using var response = await client.GetAsync("snapshots");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, transport.Attempts);
    }

    [Fact]
    public void RetryAfterIsReadAsADelayOrADate()
    {
        using var delta = Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), Core.Http.RetryAfterReader.Read(delta));
        using var dated = Status(HttpStatusCode.TooManyRequests);
        dated.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30));
        Assert.InRange(Core.Http.RetryAfterReader.Read(dated)!.Value.TotalSeconds, 25, 31);
        using var none = Status(HttpStatusCode.TooManyRequests);
        Assert.Null(Core.Http.RetryAfterReader.Read(none));
    }

    [Fact]
    public async Task EveryAttemptIsSignedAfresh()
    {
        var transport = new ScriptedTransport(Answer(HttpStatusCode.ServiceUnavailable));
        using var client = Client(transport);
        using var response = await client.GetAsync("snapshots");
        Assert.Equal(new[] { "sig-1", "sig-2" }, transport.AuthHeaders);
    }

    [Fact]
    public async Task AnAttemptThatHangsTimesOutAndIsRetriedWhenIdempotent()
    {
        var transport = new ScriptedTransport(async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return Status(HttpStatusCode.OK); });
        using var client = Client(transport, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        using var response = await client.GetAsync("snapshots");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, transport.Attempts);
    }

    private static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Body(bool hang) =>
        (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BrokenBody(hang)) });

    [Fact]
    public async Task AGetWhoseBodyFailsInTransferIsRetriedWithinThePipeline()
    {
        var transport = new ScriptedTransport(Body(hang: false));
        using var client = Client(transport);
        using var response = await client.GetAsync("snapshots");
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, transport.Attempts);
    }

    [Fact]
    public async Task APostWhoseBodyFailsInTransferIsATypedErrorThatMayHaveSucceeded()
    {
        var transport = new ScriptedTransport(Body(hang: false));
        using var client = Client(transport);
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => client.PostAsync("snapshots", new StringContent("{}")));
        Assert.Equal(1, transport.Attempts);
        Assert.True(failure.MayHaveSucceeded);
    }

    [Fact]
    public async Task ABodyThatIgnoresCancellationIsStillEndedByTheAttemptTimeout()
    {
        var transport = new ScriptedTransport(Body(hang: true), Body(hang: true));
        using var client = Client(transport, o => { o.AttemptTimeout = TimeSpan.FromMilliseconds(100); o.MaxRetries = 1; });
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => client.GetAsync("snapshots").WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(CloudErrorKind.Timeout, failure.Kind);
        Assert.Equal(2, transport.Attempts);
    }

    [Fact]
    public async Task AResponseDeclaringMoreThanTheLimitIsRefusedBeforeItIsRead()
    {
        var transport = new ScriptedTransport((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BrokenBody(hang: true)) };
            response.Content.Headers.ContentLength = 1L << 40;
            return Task.FromResult(response);
        });
        using var client = Client(transport);
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => client.GetAsync("snapshots").WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Equal(1, transport.Attempts);
    }

    [Fact]
    public async Task CancellationByTheCallerIsNotRetriedNorTranslated()
    {
        using var cancel = new CancellationTokenSource();
        var transport = new ScriptedTransport(async (_, ct) => { cancel.Cancel(); await Task.Delay(Timeout.Infinite, ct); return Status(HttpStatusCode.OK); });
        using var client = Client(transport);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync("snapshots", cancel.Token));
        Assert.Equal(1, transport.Attempts);
    }

    [Fact]
    public async Task EachAttemptIsTracedWithoutHeaders()
    {
        var lines = new List<string>();
        var transport = new ScriptedTransport(Answer(HttpStatusCode.ServiceUnavailable));
        using var client = Client(transport);
        using (HttpTrace.Use(l => { lock (lines) lines.Add(l); }))
        {
            using var response = await client.GetAsync("snapshots?page=1");
        }
        Assert.Contains(lines, l => l.Contains("GET http://127.0.0.1:9/snapshots?page=1 -> 503"));
        Assert.Contains(lines, l => l.StartsWith("Retrying GET"));
        Assert.Contains(lines, l => l.Contains("-> 200"));
        Assert.DoesNotContain(lines, l => l.Contains("sig-"));
    }
}
