using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsSecurity.Revoke, "CloudSnapshotPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(CloudSnapshot))]
public sealed class RevokeCloudSnapshotPermissionCommand : SnapshotTargetCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] AccountId { get; set; } = new string[0];

    [Parameter]
    public SwitchParameter Public { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var request = new ChangePermissionRequest { Target = Target, AccountIds = AccountId, Public = Public.IsPresent, PassThru = PassThru.IsPresent };
        Run(ct => new ChangePermissionOperation(Connections, Context, grant: false).ProcessAsync(request, ct));
    }
}
