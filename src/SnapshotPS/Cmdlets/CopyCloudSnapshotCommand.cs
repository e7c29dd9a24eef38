using System.Collections;
using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsCommon.Copy, "CloudSnapshot", HelpUri = HelpLinks.Base + "Copy-CloudSnapshot.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(CloudSnapshot))]
public sealed class CopyCloudSnapshotCommand : SnapshotTargetCmdlet
{
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LocationCompleter))]
    public string? SourceRegion { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Destination { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    [TagTable]
    public Hashtable? Tag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Bucket { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DestinationBucket { get; set; }

    [Parameter]
    public SwitchParameter RemoveIntermediate { get; set; }

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Timeout { get; set; }

    protected override void ProcessRecord()
    {
        var request = new CopySnapshotRequestInput
        {
            Source = Target,
            SourceRegion = SourceRegion,
            Destination = Destination,
            Name = Name,
            Description = Description,
            Tags = Tag,
            Wait = Wait.IsPresent,
            Timeout = ParameterConversion.Seconds(Timeout),
            Bucket = Bucket,
            DestinationBucket = DestinationBucket,
            RemoveIntermediate = RemoveIntermediate.IsPresent,
        };
        RunConcurrently(ct => new CopySnapshotOperation(Connections, Context).ProcessAsync(request, ct));
    }
}
