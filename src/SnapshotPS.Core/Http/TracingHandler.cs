using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Http;

/// <summary>
/// Writes one line per attempt to -Verbose: method, redacted URL, status, time and the provider's request id
/// (from a header, or from the body for a provider that sends it there). Under -Debug it also writes the
/// request and response bodies, secrets redacted (BodyRedaction). Headers are never written.
/// </summary>
internal sealed class TracingHandler : DelegatingHandler
{
    private readonly HttpPipelineOptions _options;

    public TracingHandler(HttpPipelineOptions options) => _options = options;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var bodies = HttpTrace.BodiesEnabled;
        if (!HttpTrace.IsEnabled && !bodies) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        var target = $"{request.Method} {HttpTrace.Redact(request.RequestUri)}";
        if (bodies) HttpTrace.WriteBody($"{target} request body: {await RequestBodyAsync(request).ConfigureAwait(false)}");
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string? bodyRequestId = null;
            if (response.Content is not null && (bodies || _options.RequestIdFromBody is not null))
            {
                await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                var bytes = await BufferedContent.ReadAsync(response.Content).ConfigureAwait(false);
                bodyRequestId = _options.RequestIdFromBody?.Invoke(bytes);
                if (bodies) HttpTrace.WriteBody($"{target} response body: {BodyRedaction.Describe(bytes, response.Content.Headers.ContentType?.MediaType)}");
            }
            var requestId = HeaderRequestId(response) ?? bodyRequestId;
            HttpTrace.Write($"{target} -> {(int)response.StatusCode} {response.ReasonPhrase} in {clock.ElapsedMilliseconds} ms{(requestId is null ? "" : $" (request id {requestId})")}");
            return response;
        }
        catch (System.Exception failure)
        {
            HttpTrace.Write($"{target} -> failed after {clock.ElapsedMilliseconds} ms: {failure.GetType().Name}");
            throw;
        }
    }

    /// <summary>Reads the body within the attempt, as the resilience handler would, so it can be shown and then parsed.</summary>
    private async Task ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await ResponseBody.BufferAsync(response, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>A body built in memory (every JSON call) is shown; a streamed one (an upload) is only described.</summary>
    private static async Task<string> RequestBodyAsync(HttpRequestMessage request)
    {
        if (request.Content is null) return "(no body)";
        var mediaType = request.Content.Headers.ContentType?.MediaType;
        if (request.Content is not ByteArrayContent) return $"(a streamed body of {mediaType ?? "unknown type"}, not shown)";
        var bytes = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return BodyRedaction.Describe(bytes, mediaType);
    }

    private string? HeaderRequestId(HttpResponseMessage response) =>
        _options.RequestIdHeader is not null && response.Headers.TryGetValues(_options.RequestIdHeader, out var values)
            ? values.FirstOrDefault()
            : null;
}
