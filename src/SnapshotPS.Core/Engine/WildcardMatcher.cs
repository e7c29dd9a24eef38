using System.Text;
using System.Text.RegularExpressions;

namespace SnapshotPS.Core.Engine;

/// <summary>PowerShell's wildcard rules (*, ?, [abc], [a-z], backtick escapes), case-insensitive, without PowerShell.</summary>
public sealed class WildcardMatcher
{
    private readonly Regex _regex;

    public WildcardMatcher(string pattern)
    {
        Pattern = pattern;
        _regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public string Pattern { get; }

    public bool IsMatch(string? value) => _regex.IsMatch(value ?? "");

    public static bool HasWildcards(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '`') { i++; continue; }
            if (pattern[i] is '*' or '?' or '[') return true;
        }
        return false;
    }

    /// <summary>The pattern with its escapes removed, for a pattern that holds no wildcard.</summary>
    public static string Unescape(string pattern) => Regex.Replace(pattern, "`(.)", "$1");

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '`' when i + 1 < pattern.Length:
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[' when pattern.IndexOf(']', i + 1) is var close and > 0:
                    regex.Append('[').Append(pattern.Substring(i + 1, close - i - 1).Replace(@"\", @"\\")).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return regex.Append('$').ToString();
    }
}
