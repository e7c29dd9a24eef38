using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

public sealed class WaitSnapshotRequest
{
    public SnapshotTarget Target { get; init; } = new();
    public IReadOnlyList<SnapshotState> States { get; init; } = new[] { SnapshotState.Available };
    public TimeSpan? Timeout { get; init; }
    public TimeSpan? PollInterval { get; init; }
}

/// <summary>Wait-CloudSnapshot: polls until the snapshot is in one of the states, then writes it; nothing when it is gone.</summary>
public sealed class WaitSnapshotOperation : SnapshotOperation
{
    public WaitSnapshotOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "WaitCloudSnapshot")
    {
    }

    public Task ProcessAsync(WaitSnapshotRequest request, CancellationToken cancellationToken) =>
        ForItemAsync(request.Target.InputObject ?? (object?)request.Target.Id, async () =>
        {
            if (request.States.Count == 0) throw InputValidation.Invalid("State", "name at least one state to wait for.");
            InputValidation.RequirePositive(request.Timeout, "Timeout");
            InputValidation.RequirePositive(request.PollInterval, "PollInterval");
            var (connection, provider, locator) = request.Target.Resolve(Connections);
            var reached = await SnapshotWaits.WaitAsync(Context, provider, locator, request.States.Distinct().ToList(),
                request.Timeout, request.PollInterval, $"Waiting for snapshot {request.Target.Describe(connection.Name)} to be {string.Join(" or ", request.States)}",
                cancellationToken);
            if (reached is not null) Context.WriteObject(reached);
        }, cancellationToken);
}
