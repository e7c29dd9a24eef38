using System;
using System.Collections;
using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsCommon.New, "CloudSnapshot", HelpUri = HelpLinks.Base + "New-CloudSnapshot.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ExportSet)]
[OutputType(typeof(CloudSnapshot))]
public sealed partial class NewCloudSnapshotCommand : BulkSnapshotCmdlet
{
    private const string VolumeSet = "Volume";
    private const string ImportSet = "Import";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = VolumeSet)]
    [ValidateNotNullOrEmpty]
    public string? VolumeId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ImportSet)]
    [ValidateNotNull]
    public Uri? ImportUri { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ImportSet)]
    [Parameter(ParameterSetName = ExportSet)]
    [Parameter(ParameterSetName = ObjectSet)]
    [ValidateRange(1, long.MaxValue)]
    public long SizeBytes { get; set; }

    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    [TagTable]
    public Hashtable? Tag { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Connection { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Zone", "Region")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LocationCompleter))]
    public string? Location { get; set; }

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Timeout { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ClientToken { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SnapshotType { get; set; }

    protected override void ProcessRecord()
    {
        var request = new NewSnapshotRequest
        {
            Connection = Connection,
            VolumeId = VolumeId,
            ImportUri = ImportUri,
            Export = Export,
            Bucket = Bucket,
            Key = Key,
            BucketAccessKey = BucketCredential?.UserName,
            BucketSecretKey = BucketCredential is null ? null : Core.Connections.SecretValue.FromSecureString(BucketCredential.Password),
            SizeBytes = MyInvocation.BoundParameters.ContainsKey(nameof(SizeBytes)) ? SizeBytes : null,
            Name = Name,
            Description = Description,
            Tags = Tag,
            Location = Location,
            Wait = Wait.IsPresent,
            Timeout = ParameterConversion.Seconds(Timeout),
            ClientToken = ClientToken,
            SnapshotType = SnapshotType,
        };
        RunConcurrently(ct => new NewSnapshotOperation(Connections, Context).ProcessAsync(request, ct));
    }
}
