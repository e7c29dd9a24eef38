using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Http;

/// <summary>Writes one line per attempt: method, redacted URL, status, time and request id. No headers, no bodies.</summary>
internal sealed class TracingHandler : DelegatingHandler
{
    private readonly string? _requestIdHeader;

    public TracingHandler(string? requestIdHeader) => _requestIdHeader = requestIdHeader;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!HttpTrace.IsEnabled) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        var target = $"{request.Method} {HttpTrace.Redact(request.RequestUri)}";
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            HttpTrace.Write($"{target} -> {(int)response.StatusCode} {response.ReasonPhrase} in {clock.ElapsedMilliseconds} ms{RequestIdOf(response)}");
            return response;
        }
        catch (System.Exception failure)
        {
            HttpTrace.Write($"{target} -> failed after {clock.ElapsedMilliseconds} ms: {failure.GetType().Name}");
            throw;
        }
    }

    private string RequestIdOf(HttpResponseMessage response) =>
        _requestIdHeader is not null && response.Headers.TryGetValues(_requestIdHeader, out var values)
            ? $" (request id {values.FirstOrDefault()})"
            : "";
}
