using System.Net.Http;

namespace SnapshotPS.Tests.Infrastructure;

/// <summary>
/// The wire, with answers lost after the server acted: a matching request reaches the emulator,
/// which carries it out and answers, and the answer is then thrown away as a cut connection would.
/// With <see cref="CancelInstead"/>, the caller's cancellation fires at that moment instead (Ctrl+C
/// while the create was on its way back).
/// </summary>
public sealed class LosingTransport : DelegatingHandler
{
    private readonly Func<HttpRequestMessage, bool> _matches;
    private int _remaining;

    public LosingTransport(Func<HttpRequestMessage, bool> matches, int times = 1)
        : base(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        _matches = matches;
        _remaining = times;
    }

    public static LosingTransport For(string method, string pathContains, int times = 1) =>
        new(r => r.Method.Method == method && r.RequestUri!.AbsolutePath.Contains(pathContains, StringComparison.OrdinalIgnoreCase), times);

    public CancellationTokenSource? CancelInstead { get; set; }

    public int Lost { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!_matches(request) || Interlocked.Decrement(ref _remaining) < 0) return response;

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        response.Dispose();
        Lost++;
        if (CancelInstead is { } stop)
        {
            stop.Cancel();
            throw new OperationCanceledException(stop.Token);
        }
        throw new HttpRequestException("The connection was reset before the answer arrived.", new IOException("Connection reset by peer"));
    }
}
