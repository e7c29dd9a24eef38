using System.Globalization;
using System.Text.RegularExpressions;

namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>
/// The volume API microversion from OpenStack-API-Version (reference B.1): none means 3.0, "latest" the maximum
/// 3.71; a malformed one gives 400 and one out of range 406 computeFault.
/// </summary>
internal static partial class Microversion
{
    public const string Header = "OpenStack-API-Version";
    public const int MaxMinor = 71;

    /// <summary>The minor version (3.x), or null with the error to send.</summary>
    public static int? Read(HttpContext context, out OpenStackReply? error)
    {
        error = null;
        var header = context.Request.Headers[Header].ToString();
        var entry = header.Split(',').Select(part => part.Trim())
            .FirstOrDefault(part => part.StartsWith("volume ", StringComparison.OrdinalIgnoreCase) || part.Equals("volume", StringComparison.OrdinalIgnoreCase));
        if (entry is null) return 0;

        var text = entry["volume".Length..].Trim();
        if (text.Equals("latest", StringComparison.OrdinalIgnoreCase)) return MaxMinor;
        var match = VersionPattern().Match(text);
        if (!match.Success)
        {
            error = CinderErrors.BadRequest($"API Version String {text} is of invalid format. Must be of format MajorNum.MinorNum.");
            return null;
        }

        var major = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minor = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (major != 3 || minor > MaxMinor)
        {
            error = CinderErrors.Fault(StatusCodes.Status406NotAcceptable,
                $"Version {major}.{minor} is not supported by the API. Minimum is 3.0 and maximum is 3.{MaxMinor}.");
            return null;
        }

        return minor;
    }

    /// <summary>Echoes the version in force, as every v3 response does.</summary>
    public static void Echo(HttpResponse response, int minor)
    {
        response.Headers[Header] = "volume 3." + minor.ToString(CultureInfo.InvariantCulture);
        response.Headers.Vary = Header;
    }

    [GeneratedRegex(@"^(\d{1,4})\.(\d{1,4})$")]
    private static partial Regex VersionPattern();
}
