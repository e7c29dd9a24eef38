using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsLifecycle.Stop, "CloudSnapshotExportTask", HelpUri = HelpLinks.Base + "Stop-CloudSnapshotExportTask.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(SnapshotExportTask))]
public sealed class StopCloudSnapshotExportTaskCommand : SnapshotCmdlet
{
    private const string InputObjectSet = "InputObject";
    private const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNull]
    public SnapshotExportTask? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("TaskId")]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Connection { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var target = new ExportTaskTarget { InputObject = InputObject, Id = Id, Connection = Connection };
        Run(ct => new StopExportTaskOperation(Connections, Context).ProcessAsync(target, PassThru.IsPresent, ct));
    }
}
