using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>An export task named on the pipeline: the object, or its id with its connection.</summary>
public sealed class ExportTaskTarget
{
    public SnapshotExportTask? InputObject { get; init; }
    public string? Id { get; init; }
    public string? Connection { get; init; }

    public (ISnapshotProvider Provider, string Id) Resolve(ConnectionRegistry connections)
    {
        var provider = connections.Resolve(InputObject?.Connection ?? Connection).GetClient();
        provider.Require(ProviderCapabilities.Export);
        var id = InputObject?.Id ?? Id;
        if (string.IsNullOrWhiteSpace(id)) throw InputValidation.Invalid("Id", "an export task id is required.");
        provider.ValidateExportTaskId(id!, "Id");
        return (provider, id!);
    }
}

/// <summary>Get-CloudSnapshotExportTask: by id (an error per missing one), or listed, optionally for some snapshots.</summary>
public sealed class GetExportTaskOperation : SnapshotOperation
{
    public GetExportTaskOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "GetCloudSnapshotExportTask")
    {
    }

    public async Task ProcessAsync(string? connection, IReadOnlyList<string> ids, IReadOnlyList<string> snapshotIds, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            foreach (var id in ids)
            {
                await ForItemAsync(id, async () =>
                {
                    var (provider, taskId) = new ExportTaskTarget { Id = id, Connection = connection }.Resolve(Connections);
                    Context.WriteObject(await provider.GetExportTaskAsync(taskId, cancellationToken));
                }, cancellationToken);
            }
            return;
        }

        await ForItemAsync(connection, async () =>
        {
            var provider = Connections.Resolve(connection).GetClient();
            provider.Require(ProviderCapabilities.Export);
            var query = new ExportTaskQuery { SnapshotIds = snapshotIds.ToList() };
            await foreach (var task in provider.ListExportTasksAsync(query, cancellationToken)) Context.WriteObject(task);
        }, cancellationToken);
    }
}

/// <summary>Stop-CloudSnapshotExportTask: cancels a pending or active export task.</summary>
public sealed class StopExportTaskOperation : SnapshotOperation
{
    public StopExportTaskOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "StopCloudSnapshotExportTask")
    {
    }

    public Task ProcessAsync(ExportTaskTarget target, bool passThru, CancellationToken cancellationToken) =>
        ForItemAsync(target.InputObject ?? (object?)target.Id, async () =>
        {
            var (provider, id) = target.Resolve(Connections);
            if (!Context.ShouldProcess(id, "Cancel snapshot export task")) return;
            await provider.CancelExportTaskAsync(id, cancellationToken);
            if (passThru) Context.WriteObject(await provider.GetExportTaskAsync(id, cancellationToken));
        }, cancellationToken);
}
