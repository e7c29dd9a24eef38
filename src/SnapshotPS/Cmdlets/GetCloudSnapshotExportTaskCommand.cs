using System.Linq;
using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsCommon.Get, "CloudSnapshotExportTask", HelpUri = HelpLinks.Base + "Get-CloudSnapshotExportTask.md", DefaultParameterSetName = ListSet)]
[OutputType(typeof(SnapshotExportTask))]
public sealed class GetCloudSnapshotExportTaskCommand : SnapshotCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";
    private const string SnapshotSet = "Snapshot";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId")]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SnapshotIdCompleter))]
    public string[]? SnapshotId { get; set; }

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = SnapshotSet)]
    [ValidateNotNull]
    public CloudSnapshot? Snapshot { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Parameter(ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Connection { get; set; }

    protected override void ProcessRecord()
    {
        var connection = Snapshot?.Connection ?? Connection;
        var snapshotIds = Snapshot is null ? SnapshotId ?? new string[0] : new[] { Snapshot.Id };
        Run(ct => new GetExportTaskOperation(Connections, Context).ProcessAsync(connection, Id ?? new string[0], snapshotIds.ToList(), ct));
    }
}
