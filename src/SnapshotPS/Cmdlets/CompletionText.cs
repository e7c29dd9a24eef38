using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SnapshotPS.Core.Engine;

namespace SnapshotPS.Cmdlets;

/// <summary>What the module's completers share: how a typed word matches, and how a value is written back.</summary>
internal static class CompletionText
{
    /// <summary>The typed word, quotes trimmed, as a wildcard prefix.</summary>
    public static WildcardMatcher PrefixOf(string wordToComplete) => new(wordToComplete.Trim('\'', '"') + "*");

    /// <summary>A completion whose text is the value bare, or single-quoted when it would not parse as a bare word.</summary>
    public static CompletionResult Result(string value, string toolTip) =>
        new(AsArgument(value), value, CompletionResultType.ParameterValue, toolTip);

    private static string AsArgument(string value) =>
        value.Length > 0 && value[0] != '-' && value.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '/')
            ? value
            : "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";
}
