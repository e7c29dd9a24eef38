using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using SnapshotPS.Core.Connections;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// The connections of the runspace a cmdlet runs in, so that two runspaces of one process (jobs,
/// ForEach-Object -Parallel, hosts that open several) never see or replace each other's connections.
/// A runspace's connections are disposed when it closes.
/// </summary>
internal static class RunspaceConnections
{
    private static readonly ConditionalWeakTable<Runspace, ConnectionRegistry> Registries = new();

    /// <summary>The current runspace's registry; the process-wide one where no runspace is current.</summary>
    public static ConnectionRegistry Current =>
        Runspace.DefaultRunspace is { } runspace ? Registries.GetValue(runspace, Create) : ConnectionRegistry.Session;

    private static ConnectionRegistry Create(Runspace runspace)
    {
        var registry = new ConnectionRegistry();
        runspace.StateChanged += (_, change) =>
        {
            if (change.RunspaceStateInfo.State is not (RunspaceState.Closed or RunspaceState.Broken)) return;
            foreach (var connection in registry.All()) registry.Remove(connection.Name);
        };
        return registry;
    }
}
