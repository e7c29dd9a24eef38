using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Http;

/// <summary>
/// Writes each attempt to the caller's AttemptLog: a refusal (a 4xx other than 408, or a
/// connection never opened) did nothing; anything else may have been carried out.
/// </summary>
internal sealed class AttemptLogHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var log = AttemptLog.Current;
        if (log is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            log.Record(request, mayHaveActed: status is < 400 or 408 or >= 500);
            return response;
        }
        catch (Exception failure)
        {
            log.Record(request, mayHaveActed: !NeverOpened(failure));
            throw;
        }
    }

    private static bool NeverOpened(Exception failure)
    {
        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain;
            }
        }
        return false;
    }
}
