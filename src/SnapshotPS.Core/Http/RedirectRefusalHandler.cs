using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Http;

/// <summary>
/// Redirects are never followed: a follow-up would carry the credentials, perhaps to another host
/// or over plain http. A 3xx answer is an error naming where the server pointed.
/// </summary>
internal sealed class RedirectRefusalHandler : DelegatingHandler
{
    private readonly CloudProvider _provider;

    public RedirectRefusalHandler(CloudProvider provider) => _provider = provider;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is < 300 or >= 400 or 304) return response;

        var location = response.Headers.Location;
        response.Dispose();
        var target = location is null ? "another address" : HttpTrace.Redact(location.IsAbsoluteUri ? location : new System.Uri(request.RequestUri!, location));
        throw new CloudApiException(_provider, CloudErrorKind.InvalidResponse,
            $"{_provider} answered {request.Method} {HttpTrace.Redact(request.RequestUri)} with HTTP {status}, a redirect to {target}. " +
            "SnapshotPS does not follow redirects, so that credentials never go where the connection did not name; set -Endpoint to the address the API answers on.",
            status, mayHaveSucceeded: status == 303 && !request.IsIdempotent());
    }
}
