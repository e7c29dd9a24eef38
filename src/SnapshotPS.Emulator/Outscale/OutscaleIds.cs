using System.Security.Cryptography;

namespace SnapshotPS.Emulator.Outscale;

/// <summary>snap-, vol- and snap-export- IDs: the prefix and 8 lowercase hexadecimal digits (reference section 5).</summary>
internal static class OutscaleIds
{
    public const string Snapshot = "snap-";
    public const string Volume = "vol-";
    public const string ExportTask = "snap-export-";

    private const int DigitCount = 8;

    public static string New(string prefix) => prefix + RandomNumberGenerator.GetHexString(DigitCount, lowercase: true);

    /// <summary>4104 when the prefix is wrong, 4105 when the rest is not 8 lowercase hex digits.</summary>
    public static OutscaleError? Check(string path, string value, string prefix)
    {
        if (!value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return OutscaleErrors.InvalidIdPrefix(path, value, prefix);
        }

        return IsDigits(value.AsSpan(prefix.Length)) ? null : OutscaleErrors.MalformedId(path, value);
    }

    /// <summary>Checks every ID of a list; the first problem wins.</summary>
    public static OutscaleError? CheckAll(string path, IEnumerable<string>? values, string prefix) =>
        values?.Select((value, index) => Check($"{path}[{index}]", value, prefix)).FirstOrDefault(error => error is not null);

    private static bool IsDigits(ReadOnlySpan<char> digits)
    {
        if (digits.Length != DigitCount)
        {
            return false;
        }

        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit) && digit is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
