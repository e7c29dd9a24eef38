using System.Management.Automation;
using SnapshotPS.Module;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsCommon.Remove, "CloudSnapshot", HelpUri = HelpLinks.Base + "Remove-CloudSnapshot.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(void))]
public sealed class RemoveCloudSnapshotCommand : SnapshotTargetCmdlet
{
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Timeout { get; set; }

    protected override void ProcessRecord()
    {
        var request = new RemoveSnapshotRequest
        {
            Target = Target,
            Force = Force.IsPresent,
            Wait = Wait.IsPresent,
            Timeout = ParameterConversion.Seconds(Timeout),
            Deleted = SeenSnapshots.Current.Forget,
        };
        RunConcurrently(ct => new RemoveSnapshotOperation(Connections, Context).ProcessAsync(request, ct));
    }
}
