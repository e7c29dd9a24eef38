using System.Collections.Generic;
using System.Linq;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>Get-SnapshotProvider: the connections, by name (wildcards) and provider.</summary>
public sealed class GetProviderOperation : SnapshotOperation
{
    public GetProviderOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "GetSnapshotProvider")
    {
    }

    public void Process(IReadOnlyList<string> names, CloudProvider? provider)
    {
        var all = Connections.All().Where(c => provider is null || c.Provider == provider).ToList();
        if (names.Count == 0)
        {
            foreach (var connection in all) Context.WriteObject(connection);
            return;
        }

        foreach (var name in names)
        {
            var matcher = new WildcardMatcher(name);
            var found = all.Where(c => matcher.IsMatch(c.Name)).ToList();
            foreach (var connection in found) Context.WriteObject(connection);
            if (found.Count == 0 && !WildcardMatcher.HasWildcards(name))
                Context.WriteError(OperationErrors.From(new KeyNotFoundException($"There is no connection named '{name}'."), CmdletPrefix, name));
        }
    }
}

/// <summary>Disconnect-SnapshotProvider: forgets connections, freeing their HTTP pipelines.</summary>
public sealed class DisconnectProviderOperation : SnapshotOperation
{
    public DisconnectProviderOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "DisconnectSnapshotProvider")
    {
    }

    public void Process(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (Connections.Find(name) is null)
            {
                Context.WriteError(OperationErrors.From(new KeyNotFoundException($"There is no connection named '{name}'."), CmdletPrefix, name));
                continue;
            }
            if (Context.ShouldProcess(name, "Disconnect snapshot provider")) Connections.Remove(name);
        }
    }

    public void ProcessAll()
    {
        foreach (var connection in Connections.All())
            if (Context.ShouldProcess(connection.Name, "Disconnect snapshot provider")) Connections.Remove(connection.Name);
    }
}
