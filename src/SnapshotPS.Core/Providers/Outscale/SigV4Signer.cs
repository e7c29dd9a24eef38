using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;
using SnapshotPS.Core.Connections;

namespace SnapshotPS.Core.Providers.Outscale;

/// <summary>
/// AWS Signature Version 4 as Outscale's SDKs send it (service "oapi"). The canonical request is
/// built here; the key derivation, string to sign and HMAC come from AWSSDK.Core's signer.
/// Checked against AWS's published SigV4 test vectors.
/// </summary>
public sealed class SigV4Signer
{
    public const string DateHeader = "X-Amz-Date";

    private readonly string _accessKey;
    private readonly SecretValue _secretKey;
    private readonly string _region;
    private readonly string _service;

    public SigV4Signer(string accessKey, SecretValue secretKey, string region, string service)
    {
        _accessKey = accessKey;
        _secretKey = secretKey;
        _region = region;
        _service = service;
    }

    /// <summary>
    /// The Authorization header value for a request. <paramref name="headers"/> are the headers to
    /// sign (host and the date header among them), with the values exactly as they are sent.
    /// </summary>
    public string Authorize(string method, Uri uri, IDictionary<string, string> headers, byte[] body, DateTime signedAtUtc)
    {
        var signed = headers
            .Select(h => (Name: h.Key.Trim().ToLowerInvariant(), Value: string.Join(" ", h.Value.Trim().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(";", signed.Select(h => h.Name));
        var canonicalRequest = new StringBuilder()
            .Append(method).Append('\n')
            .Append(CanonicalPath(uri)).Append('\n')
            .Append(CanonicalQuery(uri)).Append('\n')
            .Append(string.Concat(signed.Select(h => h.Name + ":" + h.Value + "\n"))).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(AWSSDKUtils.ToHex(AWS4Signer.ComputeHash(body), true))
            .ToString();
        return AWS4Signer.ComputeSignature(_accessKey, _secretKey.Reveal(), _region, signedAtUtc, _service, signedHeaders, canonicalRequest)
            .ForAuthorizationHeader;
    }

    public static string FormatDate(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string CanonicalPath(Uri uri)
    {
        var path = uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath;
        return string.Join("/", path.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment))));
    }

    private static string CanonicalQuery(Uri uri) =>
        uri.Query.Length <= 1
            ? ""
            : string.Join("&", uri.Query.Substring(1).Split('&')
                .Select(pair => pair.Split(new[] { '=' }, 2))
                .Select(kv => (Key: Encode(Uri.UnescapeDataString(kv[0])), Value: Encode(kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "")))
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .ThenBy(kv => kv.Value, StringComparer.Ordinal)
                .Select(kv => kv.Key + "=" + kv.Value));

    /// <summary>RFC 3986 unreserved characters stay; every other byte of the UTF-8 form is %XX.</summary>
    private static string Encode(string value)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~') encoded.Append(c);
            else encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
