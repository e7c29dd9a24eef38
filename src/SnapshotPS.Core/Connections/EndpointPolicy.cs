using System;
using System.Net;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Connections;

/// <summary>
/// Where credentials may be sent: https anywhere; plain http only to this machine (127.0.0.0/8,
/// ::1, localhost) unless the user allows it by name; no other scheme.
/// </summary>
public static class EndpointPolicy
{
    public static void Require(Uri? endpoint, bool allowUnencrypted, string parameter = "Endpoint")
    {
        if (endpoint is null) return;
        if (!endpoint.IsAbsoluteUri)
            throw InputValidation.Invalid(parameter, "the endpoint must be an absolute https URL, such as https://api.example.com/.");
        if (endpoint.Scheme == Uri.UriSchemeHttps) return;
        if (endpoint.Scheme != Uri.UriSchemeHttp)
            throw InputValidation.Invalid(parameter, $"'{endpoint.Scheme}' endpoints are not supported: give an https URL (http is allowed for loopback only).");
        if (!IsLoopback(endpoint) && !allowUnencrypted)
            throw InputValidation.Invalid(parameter,
                $"plain http would send the credentials to {endpoint.Host} unencrypted. Use https, or add -AllowUnencryptedEndpoint if you accept that risk; http is allowed without it only for loopback (127.0.0.0/8, ::1, localhost).");
    }

    /// <summary>True when requests to the endpoint travel in clear text to another machine.</summary>
    public static bool IsUnencryptedRemote(Uri? endpoint) =>
        endpoint is { IsAbsoluteUri: true } && endpoint.Scheme == Uri.UriSchemeHttp && !IsLoopback(endpoint);

    public static bool IsLoopback(Uri endpoint)
    {
        var host = endpoint.Host.Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)
            && (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || address.Equals(IPAddress.IPv6Loopback));
    }
}
