using System.Linq;
using System.Net;
using System.Text;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>Bucket names and object keys as Scaleway Object Storage (S3 rules) takes them, checked before any request.</summary>
internal static class ScalewayObjectNames
{
    public const int MaxKeyBytes = 1024;

    /// <summary>3 to 63 lowercase letters, digits, dots and hyphens; a letter or digit at each end; no "..", no IP address.</summary>
    public static void RequireBucket(string? bucket, string parameter)
    {
        var valid = bucket is { Length: >= 3 and <= 63 }
            && bucket.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-')
            && char.IsLetterOrDigit(bucket[0]) && char.IsLetterOrDigit(bucket[bucket.Length - 1])
            && !bucket.Contains("..") && !bucket.Contains(".-") && !bucket.Contains("-.")
            && !(bucket.Count(c => c == '.') == 3 && IPAddress.TryParse(bucket, out _));
        if (!valid)
            throw InputValidation.Invalid(parameter,
                $"'{bucket}' is not a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, not shaped like an IP address.");
    }

    /// <summary>1 to 1,024 bytes of UTF-8 without control characters.</summary>
    public static void RequireKey(string? key, string parameter)
    {
        if (string.IsNullOrEmpty(key))
            throw InputValidation.Invalid(parameter, "an object key cannot be empty.");
        if (key.Any(char.IsControl))
            throw InputValidation.Invalid(parameter, $"the object key '{key}' holds a control character; object keys are printable text.");
        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
            throw InputValidation.Invalid(parameter, $"the object key is {Encoding.UTF8.GetByteCount(key)} bytes of UTF-8; object keys hold at most {MaxKeyBytes}.");
    }
}
