using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine;

namespace SnapshotPS.Core.Http;

/// <summary>
/// Holds each attempt to the connection's adaptive limit: a 429 lowers it, answers that are not
/// refusals raise it again. Sits inside the retries, so a retry waiting out its delay holds no slot.
/// </summary>
internal sealed class ConcurrencyGateHandler : DelegatingHandler
{
    private readonly AdaptiveConcurrencyLimiter _limiter;

    public ConcurrencyGateHandler(AdaptiveConcurrencyLimiter limiter) => _limiter = limiter;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode == 429) lease.Throttled();
        else if ((int)response.StatusCode < 500) lease.Succeeded();
        return response;
    }
}
