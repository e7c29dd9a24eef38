using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsLifecycle.Wait, "CloudSnapshot", HelpUri = HelpLinks.Base + "Wait-CloudSnapshot.md", DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(CloudSnapshot))]
public sealed class WaitCloudSnapshotCommand : SnapshotTargetCmdlet
{
    protected override bool WaitsShowProgress => true;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public SnapshotState[] State { get; set; } = { SnapshotState.Available };

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Timeout { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    public int? PollInterval { get; set; }

    protected override void ProcessRecord()
    {
        var request = new WaitSnapshotRequest
        {
            Target = Target,
            States = State,
            Timeout = ParameterConversion.Seconds(Timeout),
            PollInterval = ParameterConversion.Seconds(PollInterval),
        };
        RunConcurrently(ct => new WaitSnapshotOperation(Connections, Context).ProcessAsync(request, ct));
    }
}
