using System.Collections;
using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsCommon.Set, "CloudSnapshot", HelpUri = HelpLinks.Base + "Set-CloudSnapshot.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(CloudSnapshot))]
public sealed class SetCloudSnapshotCommand : SnapshotTargetCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    [TagTable]
    public Hashtable? Tag { get; set; }

    [Parameter]
    [TagTable]
    public Hashtable? AddTag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? RemoveTag { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var request = new SetSnapshotRequest
        {
            Target = Target,
            Name = Name,
            Description = Description,
            Tags = Tag,
            AddTags = AddTag,
            RemoveTags = RemoveTag,
            PassThru = PassThru.IsPresent,
        };
        RunConcurrently(ct => new SetSnapshotOperation(Connections, Context).ProcessAsync(request, ct));
    }
}
