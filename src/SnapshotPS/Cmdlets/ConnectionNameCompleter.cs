using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SnapshotPS.Core.Engine;
using SnapshotPS.Module;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// Tab completion of the runspace's connection names: quotes trimmed, matched as a wildcard prefix,
/// and a name that would not parse as a bare word (a space, a quote, a '$'...) completes single-quoted.
/// </summary>
public sealed class ConnectionNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var matcher = CompletionText.PrefixOf(wordToComplete);
        return RunspaceConnections.Current.All()
            .Where(c => matcher.IsMatch(c.Name))
            .Select(c => CompletionText.Result(c.Name, c.ToString()));
    }
}
