using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace SnapshotPS.Emulator.Outscale.Auth;

/// <summary>Recomputes a request's signature the way the client must have computed it (SigV4 shape).</summary>
internal static class RequestSignature
{
    public static string Compute(SignatureDialect dialect, SignedAuthorization authorization, string secretKey, string date,
        string canonicalRequest)
    {
        var stringToSign = $"{dialect.Algorithm}\n{date}\n{authorization.Scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes(dialect.KeyPrefix + secretKey);
        foreach (var part in new[] { authorization.ScopeDate, authorization.Region, authorization.Service, authorization.Terminator })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>Method, path as received, canonical query, the signed headers, their names, and the body's hash.</summary>
    public static string CanonicalRequest(HttpRequest request, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        var builder = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(RawPath(request)).Append('\n')
            .Append(CanonicalQuery(request.QueryString.Value)).Append('\n');
        foreach (var name in signedHeaders)
        {
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(request, name)).Append('\n');
        }

        return builder.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash).ToString();
    }

    public static string? CanonicalHeaderValue(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values)
            ? string.Join(',', values.Select(value => string.Join(' ', (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))))
            : null;

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>The path exactly as the client sent it (still percent-encoded), which is what it signed.</summary>
    private static string RawPath(HttpRequest request)
    {
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget) || rawTarget[0] != '/')
        {
            return request.PathBase.Add(request.Path).ToUriComponent();
        }

        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? rawTarget : rawTarget[..query];
    }

    /// <summary>Parameters decoded, re-encoded per RFC 3986 and sorted by name then value.</summary>
    private static string CanonicalQuery(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return "";
        }

        return string.Join('&', query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? "" : pair[(equals + 1)..];
                return (Name: Encode(name), Value: Encode(value));
            })
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => $"{pair.Name}={pair.Value}"));
    }

    private static string Encode(string component) => Uri.EscapeDataString(Uri.UnescapeDataString(component));
}
