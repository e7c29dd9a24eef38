using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Engine;

namespace SnapshotPS.Cmdlets;

/// <summary>Tab completion of connection names: quotes trimmed, matched as a wildcard prefix.</summary>
public sealed class ConnectionNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var matcher = new WildcardMatcher(wordToComplete.Trim('\'', '"') + "*");
        return RunspaceConnections.Current.All()
            .Where(c => matcher.IsMatch(c.Name))
            .Select(c => new CompletionResult(c.Name, c.Name, CompletionResultType.ParameterValue, c.ToString()));
    }
}
