using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SnapshotPS.Core.Engine.Retention;

namespace SnapshotPS.Cmdlets;

/// <summary>Tab completion of -GroupBy keys: the snapshot properties, and tag: for a tag's value.</summary>
public sealed class RetentionGroupCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = wordToComplete.Trim('\'', '"');
        return RetentionGrouping.PropertyKeys.Append("tag:")
            .Where(k => k.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(k => new CompletionResult(k, k, CompletionResultType.ParameterValue, k == "tag:" ? "tag:KEY groups by the value of tag KEY" : "groups by " + k));
    }
}
