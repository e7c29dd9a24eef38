using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SnapshotPS.Core.Engine;
using SnapshotPS.Module;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// Tab completion of snapshot ids (-Id, -SnapshotId) or names (-Name) from the snapshots the session's
/// cmdlets wrote earlier, newest first, of the -Connection given if any. Never asks a cloud.
/// </summary>
public sealed class SnapshotIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var matcher = CompletionText.PrefixOf(wordToComplete);
        var byName = string.Equals(parameterName, "Name", StringComparison.OrdinalIgnoreCase);
        var seen = SeenSnapshots.Current.Of(fakeBoundParameters["Connection"]?.ToString());
        return seen
            .Select(s => (Value: byName ? s.Name : s.Id, Snapshot: s))
            .Where(c => c.Value.Length > 0 && matcher.IsMatch(c.Value))
            .GroupBy(c => c.Value, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(c => CompletionText.Result(c.Value, c.Snapshot.Describe()));
    }
}
