using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SnapshotPS.Emulator.Outscale.Auth;

/// <summary>
/// Checks the Authorization header of an OAPI call (reference sections 2 and 11) against the raw body;
/// every failure is 401 code 1, or 13 while the brute-force lock holds.
/// </summary>
internal sealed class RequestAuthenticator(OutscaleFake fake, TimeProvider time)
{
    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly AuthenticationLockout _lockout = new(time);

    public OutscaleError? Authenticate(HttpRequest request, byte[] body, out OutscaleAccount? account)
    {
        account = null;
        if (_lockout.RemainingLock() is { } remaining)
        {
            return OutscaleErrors.LockedOut(remaining);
        }

        // UNVERIFIED: a call without Authorization is refused like a bad signature.
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Failed("The Authorization header is missing.");
        }

        var authorization = SignedAuthorization.Parse(header);
        if (authorization is null)
        {
            return Failed("The Authorization header is malformed: expected 'ALGORITHM Credential=..., SignedHeaders=..., Signature=...'.");
        }

        if (CheckShape(authorization) is { } shapeError)
        {
            return shapeError;
        }

        var dialect = SignatureDialect.Find(authorization.Algorithm)!;
        account = fake.FindAccount(authorization.AccessKey);
        if (account is null)
        {
            _lockout.RecordUnknownAccessKey();
            return Failed($"The access key '{authorization.AccessKey}' is unknown.");
        }

        var error = CheckDate(request, dialect, authorization) ?? CheckSignature(request, body, dialect, authorization, account);
        if (error is not null)
        {
            account = null;
            return error;
        }

        _lockout.RecordSuccess();
        return null;
    }

    private static OutscaleError? CheckShape(SignedAuthorization authorization)
    {
        var dialect = SignatureDialect.Find(authorization.Algorithm);
        if (dialect is null)
        {
            return Failed($"The algorithm '{authorization.Algorithm}' is not supported; use {SignatureDialect.Osc4.Algorithm} or {SignatureDialect.Aws4.Algorithm}.");
        }

        if (authorization.Terminator != dialect.Terminator)
        {
            return Failed($"The credential scope must end with '{dialect.Terminator}' for {dialect.Algorithm}.");
        }

        return authorization.SignedHeaders.Contains("host") && authorization.SignedHeaders.Contains(dialect.DateHeader)
            ? null
            : Failed($"SignedHeaders must include host and {dialect.DateHeader}.");
    }

    private OutscaleError? CheckDate(HttpRequest request, SignatureDialect dialect, SignedAuthorization authorization)
    {
        var date = request.Headers[dialect.DateHeader].ToString();
        if (!DateTimeOffset.TryParseExact(date, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return Failed($"The {dialect.DateHeader} header must be a UTC date like 20260817T093633Z.");
        }

        if (!date.StartsWith(authorization.ScopeDate, StringComparison.Ordinal) || authorization.ScopeDate.Length != 8)
        {
            return Failed("The credential scope date does not match the date header.");
        }

        var skew = (time.GetUtcNow() - signedAt).Duration();
        return skew > fake.AllowedClockSkew
            ? Failed($"The request date {date} is too far from the server's clock; the allowed skew is {fake.AllowedClockSkew}.")
            : null;
    }

    private static OutscaleError? CheckSignature(HttpRequest request, byte[] body, SignatureDialect dialect,
        SignedAuthorization authorization, OutscaleAccount account)
    {
        var missing = authorization.SignedHeaders.FirstOrDefault(name => RequestSignature.CanonicalHeaderValue(request, name) is null);
        if (missing is not null)
        {
            return Failed($"The signed header '{missing}' is not in the request.");
        }

        var payloadHash = RequestSignature.Hex(SHA256.HashData(body));
        var declaredHash = request.Headers["x-amz-content-sha256"].ToString();
        if (declaredHash.Length > 0 && declaredHash != payloadHash)
        {
            return Failed("The x-amz-content-sha256 header does not match the body.");
        }

        var canonical = RequestSignature.CanonicalRequest(request, authorization.SignedHeaders, payloadHash);
        var expected = RequestSignature.Compute(dialect, authorization, account.SecretKey, request.Headers[dialect.DateHeader].ToString(), canonical);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature))
            ? null
            : Failed("The request signature does not match the signature computed with your secret key and the request.");
    }

    private static OutscaleError Failed(string details) => OutscaleErrors.AuthenticationFailed(details);
}
