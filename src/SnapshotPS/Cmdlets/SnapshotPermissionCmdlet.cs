using System.Management.Automation;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

/// <summary>Grant- and Revoke-CloudSnapshotPermission: the same parameters, opposite changes.</summary>
public abstract class SnapshotPermissionCmdlet : SnapshotTargetCmdlet
{
    [Parameter(ParameterSetName = InputObjectSet)]
    [Parameter(ParameterSetName = IdSet)]
    [ValidateNotNullOrEmpty]
    public string[] AccountId { get; set; } = new string[0];

    [Parameter(ParameterSetName = InputObjectSet)]
    [Parameter(ParameterSetName = IdSet)]
    public SwitchParameter Public { get; set; }

    [Parameter(ParameterSetName = InputObjectSet)]
    [Parameter(ParameterSetName = IdSet)]
    public SwitchParameter PassThru { get; set; }

    protected abstract bool Grants { get; }

    protected override void ProcessRecord()
    {
        var request = new ChangePermissionRequest { Target = Target, AccountIds = AccountId, Public = Public.IsPresent, PassThru = PassThru.IsPresent };
        RunConcurrently(ct => new ChangePermissionOperation(Connections, Context, Grants).ProcessAsync(request, ct));
    }
}
