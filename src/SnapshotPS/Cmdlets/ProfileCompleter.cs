using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.OpenStack;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// Tab completion of -Profile (-Cloud) for the -Provider being connected: the profiles of the scw
/// config file (Scaleway), of the osc config file (Outscale), or the clouds of clouds.yaml (OpenStack),
/// read where Connect-SnapshotProvider reads them. Without -Provider, all three. Files only; never a
/// request, and an unreadable file offers nothing rather than an error.
/// </summary>
public sealed class ProfileCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var matcher = CompletionText.PrefixOf(wordToComplete);
        var provider = fakeBoundParameters["Provider"] is { } named && Enum.TryParse(named.ToString(), ignoreCase: true, out CloudProvider parsed) ? parsed : (CloudProvider?)null;
        return ProfilesOf(provider)
            .Where(p => matcher.IsMatch(p.Name))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => CompletionText.Result(p.Name, p.Description));
    }

    private static IEnumerable<(string Name, string Description)> ProfilesOf(CloudProvider? provider)
    {
        if (provider is null or CloudProvider.Scaleway)
            foreach (var name in ScalewayProfileLoader.ForCurrentProcess().ProfileNames()) yield return (name, "scw profile " + name);
        if (provider is null or CloudProvider.Outscale)
            foreach (var name in OutscaleProfileLoader.ForCurrentProcess().ProfileNames()) yield return (name, "osc profile " + name);
        if (provider is null or CloudProvider.OpenStack)
            foreach (var name in OpenStackConfigLoader.ForCurrentProcess(PowerShellLocation()).CloudNames()) yield return (name, "clouds.yaml cloud " + name);
    }

    /// <summary>PowerShell's current folder, where Connect-SnapshotProvider looks for clouds.yaml first; null where it cannot be read.</summary>
    private static string? PowerShellLocation()
    {
        try
        {
            return System.Management.Automation.Runspaces.Runspace.DefaultRunspace?.SessionStateProxy.Path.CurrentFileSystemLocation.ProviderPath;
        }
        catch (PSInvalidOperationException)
        {
            return null;
        }
    }
}
