using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Http;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>The HTTP settings both OpenStack services share: request ids, the 413 rule, the CA certificate.</summary>
internal static class OpenStackHttp
{
    public static HttpPipelineOptions Options(OpenStackConnectionSettings settings)
    {
        var options = settings.Http.Clone();
        options.RequestIdHeader = "x-openstack-request-id";
        // Cinder's rate limiter answers 413 overLimitFault with Retry-After: sent again after the wait.
        // A quota's 413 overLimit is final (reference B.9). Proxies may answer 429 (UNVERIFIED), retried too.
        options.IsRefusedWithoutEffect = IsRefusedAsync;
        return options;
    }

    private static async ValueTask<bool> IsRefusedAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status == 429) return true;
        if (status != 413 || response.Content is null) return false;
        var body = await BufferedContent.ReadAsync(response.Content).ConfigureAwait(false);
        return OpenStackErrors.IsRateLimited(response, body.Span);
    }

    /// <summary>The wire for a connection that trusts a given CA (OS_CACERT); null keeps the default.</summary>
    public static HttpMessageHandler? WireFor(OpenStackConnectionSettings settings, HttpMessageHandler? transport)
    {
        if (transport is not null || settings.CaCertificatePath is null || settings.Http.SkipCertificateCheck) return transport;
        X509Certificate2 authority;
        try
        {
            authority = new X509Certificate2(settings.CaCertificatePath);
        }
        catch (CryptographicException unreadable)
        {
            throw new ArgumentException($"Invalid value for -CACertificate: {settings.CaCertificatePath} is not a PEM or DER certificate ({unreadable.Message.TrimEnd('.')}).", "CACertificate", unreadable);
        }
        var wire = CloudHttpClientFactory.CreateWire(settings.Http);
        wire.ServerCertificateCustomValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, authority);
        return wire;
    }

    private static bool IsTrusted(X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2 authority)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        chain.ChainPolicy.ExtraStore.Add(authority);
        if (!chain.Build(certificate)) return false;
        var root = chain.ChainElements[chain.ChainElements.Count - 1].Certificate;
        return root.RawData.AsSpan().SequenceEqual(authority.RawData);
    }
}
