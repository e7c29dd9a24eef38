using System.Management.Automation;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsData.Export, "CloudSnapshot", HelpUri = HelpLinks.Base + "Export-CloudSnapshot.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(SnapshotExportTask), typeof(Core.Storage.SnapshotExport))]
public sealed class ExportCloudSnapshotCommand : SnapshotTargetCmdlet
{
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Bucket { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Prefix { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Key { get; set; }

    [Parameter]
    public DiskImageFormat DiskImageFormat { get; set; } = DiskImageFormat.Qcow2;

    [Parameter]
    [Credential]
    public PSCredential? BucketCredential { get; set; }

    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? Timeout { get; set; }

    protected override void ProcessRecord()
    {
        var request = new ExportSnapshotInput
        {
            Target = Target,
            Bucket = Bucket,
            Prefix = Prefix,
            Key = Key,
            Format = DiskImageFormat,
            BucketAccessKey = BucketCredential?.UserName,
            BucketSecretKey = BucketCredential is null ? null : SecretValue.FromSecureString(BucketCredential.Password),
            Wait = Wait.IsPresent,
            Timeout = ParameterConversion.Seconds(Timeout),
        };
        RunConcurrently(ct => new ExportSnapshotOperation(Connections, Context).ProcessAsync(request, ct));
    }
}
