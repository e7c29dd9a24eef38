using System.Net;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Engine;

/// <summary>The real wire: redirects are not followed, so no credential goes where the connection did not name.</summary>
public class RedirectAndCertificateTests
{
    private static ScalewayProvider ProviderFor(Uri endpoint) => new(new ScalewayConnectionSettings
    {
        Endpoint = endpoint,
        SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
        ProjectId = ScalewayFake.DefaultProjectId,
        Http = new HttpPipelineOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(10) },
    }, "redirected");

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task ARedirectToAnotherHostIsAnErrorAndTheTokenNeverGoesThere(int status)
    {
        using var elsewhere = new LoopbackHttpServer(IPAddress.Loopback, () => "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        var target = $"http://localhost:{elsewhere.Port}/stolen";
        using var redirector = new LoopbackHttpServer(IPAddress.Loopback, () => $"HTTP/1.1 {status} Moved\r\nLocation: {target}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var provider = ProviderFor(new Uri($"http://127.0.0.1:{redirector.Port}/"));

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(Guid.NewGuid().ToString()), CancellationToken.None));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Equal(status, failure.StatusCode);
        Assert.Contains("redirect", failure.Message);
        Assert.Contains($"localhost:{elsewhere.Port}", failure.Message);
        Assert.Single(redirector.Heads);
        Assert.Empty(elsewhere.Heads);
    }

    [Fact]
    public void CertificatesAreCheckedUnlessTheConnectionSaysOtherwise()
    {
        using var checkedWire = CloudHttpClientFactory.CreateWire(new HttpPipelineOptions());
        using var labWire = CloudHttpClientFactory.CreateWire(new HttpPipelineOptions { SkipCertificateCheck = true });

        Assert.Null(checkedWire.ServerCertificateCustomValidationCallback);
        Assert.False(checkedWire.AllowAutoRedirect);
        Assert.NotNull(labWire.ServerCertificateCustomValidationCallback);
        Assert.True(labWire.ServerCertificateCustomValidationCallback!(null!, null, null, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch));
    }
}
