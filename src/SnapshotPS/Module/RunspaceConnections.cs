using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using SnapshotPS.Core.Connections;

namespace SnapshotPS.Module;

/// <summary>
/// The connections of each runspace, so that two runspaces of one process (runspace pools,
/// ForEach-Object -Parallel, PowerShell hosted in an application) never see each other's
/// connections. Closing a runspace, or removing the module from it, disposes its connections.
/// </summary>
internal static class RunspaceConnections
{
    private static readonly ConditionalWeakTable<Runspace, ConnectionRegistry> Registries = new();

    /// <summary>Used only where no runspace runs the calling thread (no pipeline thread).</summary>
    private static readonly ConnectionRegistry WithoutRunspace = new();

    /// <summary>The connections of the runspace whose pipeline runs on the calling thread.</summary>
    public static ConnectionRegistry Current
    {
        get
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace is null ? WithoutRunspace : Registries.GetValue(runspace, Create);
        }
    }

    /// <summary>Disconnects every connection of the runspace running on the calling thread.</summary>
    public static void DisconnectCurrent() => DisconnectAll(Current);

    private static ConnectionRegistry Create(Runspace runspace)
    {
        var registry = new ConnectionRegistry();
        runspace.StateChanged += (_, e) =>
        {
            if (e.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Broken) DisconnectAll(registry);
        };
        return registry;
    }

    private static void DisconnectAll(ConnectionRegistry registry)
    {
        foreach (var connection in registry.All()) registry.Remove(connection.Name);
    }
}
