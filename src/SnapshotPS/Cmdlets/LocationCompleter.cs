using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Module;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// Tab completion of zones and regions for the provider at hand: the -Provider being connected, else
/// the connection named by -Connection, else every connection with -AllConnections, else the default
/// one. The session's connections add their own locations (an OpenStack region, a Koyeb region).
/// Nothing is asked of the cloud.
/// </summary>
public sealed class LocationCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = wordToComplete.Trim('\'', '"');
        var connections = RunspaceConnections.Current;
        var providers = ProvidersAtHand(fakeBoundParameters, connections).ToList();
        var wantsZones = string.Equals(parameterName, "Zone", StringComparison.OrdinalIgnoreCase);
        var wantsRegions = parameterName.EndsWith("Region", StringComparison.OrdinalIgnoreCase);
        var candidates = providers.SelectMany(provider =>
                (wantsRegions ? Enumerable.Empty<string>() : KnownLocations.Zones(provider))
                .Concat(wantsZones ? Enumerable.Empty<string>() : KnownLocations.Regions(provider))
                .Concat(connections.All().Where(c => c.Provider == provider && c.Location is not null).Select(c => c.Location!)))
            .Distinct(StringComparer.Ordinal);
        return candidates
            .Where(location => location.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(location => location, StringComparer.Ordinal)
            .Select(location => new CompletionResult(location, location, CompletionResultType.ParameterValue, location));
    }

    private static IEnumerable<CloudProvider> ProvidersAtHand(IDictionary bound, ConnectionRegistry connections)
    {
        if (bound["Provider"] is { } provider && Enum.TryParse(provider.ToString(), ignoreCase: true, out CloudProvider named))
            return new[] { named };
        if (bound["Connection"] is { } name)
            return connections.Find(name.ToString()) is { } connection ? new[] { connection.Provider } : Enumerable.Empty<CloudProvider>();
        if (bound["AllConnections"] is SwitchParameter { IsPresent: true } || bound["AllConnections"] is true)
            return connections.All().Select(c => c.Provider).Distinct();
        var all = connections.All();
        var fallback = all.FirstOrDefault(c => c.IsDefault) ?? all.FirstOrDefault();
        return fallback is null ? Enumerable.Empty<CloudProvider>() : new[] { fallback.Provider };
    }
}
