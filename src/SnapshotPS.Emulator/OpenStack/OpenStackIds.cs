using System.Security.Cryptography;

namespace SnapshotPS.Emulator.OpenStack;

internal static class OpenStackIds
{
    /// <summary>Keystone ids: 32 lower-case hex digits (uuid4().hex).</summary>
    public static string NewHex() => Guid.NewGuid().ToString("N");

    /// <summary>Cinder ids: UUIDs with hyphens.</summary>
    public static string NewUuid() => Guid.NewGuid().ToString("D");

    /// <summary>Looks like a Fernet token ("gAAAAAB..."), URL-safe base64, about 180 characters.</summary>
    public static string NewToken() => "gAAAAAB" + Base64Url(RandomNumberGenerator.GetBytes(128));

    /// <summary>An audit id: 22 characters of URL-safe base64.</summary>
    public static string NewAuditId() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string NewRequestId() => "req-" + NewUuid();

    /// <summary>The canonical (lower-case, hyphenated) form of a UUID, or null when the text is not one.</summary>
    public static string? NormalizeUuid(string? text) =>
        text is not null && Guid.TryParseExact(text, "D", out var guid) ? guid.ToString("D") : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
