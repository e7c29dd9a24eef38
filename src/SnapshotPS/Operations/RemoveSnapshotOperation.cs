using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

public sealed class RemoveSnapshotRequest
{
    public SnapshotTarget Target { get; init; } = new();
    public bool Force { get; init; }
    public bool Wait { get; init; }
    public TimeSpan? Timeout { get; init; }

    /// <summary>Told the connection and id of each snapshot whose deletion was accepted (the completion cache forgets it).</summary>
    public Action<string, string>? Deleted { get; init; }
}

/// <summary>Remove-CloudSnapshot: deletes after confirmation (High impact; -Force skips the prompt, never -WhatIf).</summary>
public sealed class RemoveSnapshotOperation : SnapshotOperation
{
    public RemoveSnapshotOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "RemoveCloudSnapshot")
    {
    }

    public Task ProcessAsync(RemoveSnapshotRequest request, CancellationToken cancellationToken) =>
        ForItemAsync(request.Target.InputObject ?? (object?)request.Target.Id, async () =>
        {
            InputValidation.RequirePositive(request.Timeout, "Timeout");
            var (connection, provider, locator) = request.Target.Resolve(Connections);
            provider.Require(ProviderCapabilities.Delete);
            if (!Confirm(request.Target.Describe(connection.Name), "Remove snapshot", request.Force)) return;

            await provider.DeleteSnapshotAsync(locator, cancellationToken);
            Context.WriteVerbose($"Deletion of snapshot {locator.Id} accepted.");
            request.Deleted?.Invoke(connection.Name, locator.Id);
            if (request.Wait)
            {
                await SnapshotWaits.WaitAsync(Context, provider, locator, new[] { SnapshotState.Deleted },
                    request.Timeout, null, $"Removing snapshot {request.Target.Describe(connection.Name)}", cancellationToken);
            }
        }, cancellationToken);
}
