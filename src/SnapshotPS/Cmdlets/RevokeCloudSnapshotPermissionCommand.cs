using System.Management.Automation;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsSecurity.Revoke, "CloudSnapshotPermission", HelpUri = HelpLinks.Base + "Revoke-CloudSnapshotPermission.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(CloudSnapshot))]
public sealed class RevokeCloudSnapshotPermissionCommand : SnapshotPermissionCmdlet
{
    protected override bool Grants => false;
}
