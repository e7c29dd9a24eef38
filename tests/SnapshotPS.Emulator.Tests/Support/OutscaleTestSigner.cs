using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SnapshotPS.Emulator.Tests.Support;

public enum OutscaleSignatureKind
{
    /// <summary>AWS4-HMAC-SHA256, X-Amz-Date, service oapi (osc-sdk-go, Terraform).</summary>
    Aws4,

    /// <summary>OSC4-HMAC-SHA256, X-Osc-Date, service api (osc-sdk-python).</summary>
    Osc4,
}

/// <summary>
/// A test-only OUTSCALE request signer, written from the reference (section 2) independently of the fake,
/// so that the fake's verification is checked against a second implementation.
/// </summary>
public sealed record OutscaleTestSigner(string AccessKey, string SecretKey, OutscaleSignatureKind Kind, string Region = OutscaleFake.DefaultRegion)
{
    public string DateHeader => Kind == OutscaleSignatureKind.Osc4 ? "X-Osc-Date" : "X-Amz-Date";

    private string Algorithm => Kind == OutscaleSignatureKind.Osc4 ? "OSC4-HMAC-SHA256" : "AWS4-HMAC-SHA256";

    private string Service => Kind == OutscaleSignatureKind.Osc4 ? "api" : "oapi";

    private string Terminator => Kind == OutscaleSignatureKind.Osc4 ? "osc4_request" : "aws4_request";

    private string KeyPrefix => Kind == OutscaleSignatureKind.Osc4 ? "OSC4" : "AWS4";

    /// <summary>Adds the date header and Authorization for these body bytes; signs content-type, host and the date unless told otherwise.</summary>
    public void Sign(HttpRequestMessage request, byte[] body, DateTimeOffset at, IReadOnlyList<string>? signedHeaders = null)
    {
        var date = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var day = date[..8];
        request.Headers.Remove(DateHeader);
        request.Headers.TryAddWithoutValidation(DateHeader, date);

        var names = signedHeaders ?? ["content-type", "host", DateHeader.ToLowerInvariant()];
        var canonicalHeaders = string.Concat(names.Select(name => $"{name}:{HeaderValue(request, name)}\n"));
        var canonicalRequest = string.Join('\n',
            request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query.TrimStart('?'),
            canonicalHeaders, string.Join(';', names), Hex(SHA256.HashData(body)));
        var scope = $"{day}/{Region}/{Service}/{Terminator}";
        var stringToSign = $"{Algorithm}\n{date}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Hmac(Encoding.UTF8.GetBytes(KeyPrefix + SecretKey), day);
        key = Hmac(Hmac(Hmac(key, Region), Service), Terminator);
        var signature = Hex(Hmac(key, stringToSign));

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"{Algorithm} Credential={AccessKey}/{scope}, SignedHeaders={string.Join(';', names)}, Signature={signature}");
    }

    private static string HeaderValue(HttpRequestMessage request, string name) => name switch
    {
        "host" => request.RequestUri!.Authority,
        "content-type" => request.Content?.Headers.ContentType?.ToString() ?? "",
        _ => request.Headers.TryGetValues(name, out var values) ? string.Join(',', values).Trim() : "",
    };

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}

/// <summary>Signs every request it sends with the signer, at the time the clock gives.</summary>
public sealed class OutscaleSigningHandler(OutscaleTestSigner signer, Func<DateTimeOffset> clock) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        signer.Sign(request, body, clock());
        return await base.SendAsync(request, cancellationToken);
    }
}
