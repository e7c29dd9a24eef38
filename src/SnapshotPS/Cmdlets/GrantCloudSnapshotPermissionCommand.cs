using System.Management.Automation;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsSecurity.Grant, "CloudSnapshotPermission", HelpUri = HelpLinks.Base + "Grant-CloudSnapshotPermission.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(CloudSnapshot))]
public sealed class GrantCloudSnapshotPermissionCommand : SnapshotPermissionCmdlet
{
    protected override bool Grants => true;
}
