namespace SnapshotPS.Emulator.Outscale.Auth;

/// <summary>The two signing dialects the API accepts (reference section 2): OSC4 and plain AWS SigV4.</summary>
internal sealed record SignatureDialect(string Algorithm, string DateHeader, string KeyPrefix, string Terminator)
{
    public static readonly SignatureDialect Osc4 = new("OSC4-HMAC-SHA256", "x-osc-date", "OSC4", "osc4_request");

    public static readonly SignatureDialect Aws4 = new("AWS4-HMAC-SHA256", "x-amz-date", "AWS4", "aws4_request");

    public static SignatureDialect? Find(string algorithm) =>
        algorithm == Osc4.Algorithm ? Osc4 : algorithm == Aws4.Algorithm ? Aws4 : null;
}

/// <summary>
/// "ALG Credential=AK/YYYYMMDD/region/service/terminator, SignedHeaders=a;b;c, Signature=hex", split up.
/// </summary>
internal sealed record SignedAuthorization(
    string Algorithm, string AccessKey, string ScopeDate, string Region, string Service, string Terminator,
    IReadOnlyList<string> SignedHeaders, string Signature)
{
    public string Scope => $"{ScopeDate}/{Region}/{Service}/{Terminator}";

    public static SignedAuthorization? Parse(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !fields.TryAdd(part[..equals], part[(equals + 1)..]))
            {
                return null;
            }
        }

        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedHeaders) ||
            !fields.TryGetValue("Signature", out var signature) || fields.Count != 3)
        {
            return null;
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope.Any(string.IsNullOrEmpty) || signedHeaders.Length == 0 || signature.Length == 0)
        {
            return null;
        }

        return new SignedAuthorization(header[..space], scope[0], scope[1], scope[2], scope[3], scope[4],
            signedHeaders.Split(';'), signature);
    }
}
