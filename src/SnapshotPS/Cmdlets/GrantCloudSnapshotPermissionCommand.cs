using System;
using System.Management.Automation;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Storage;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// Lets accounts (or everyone) create volumes from a snapshot; on an export (piped from
/// Export-CloudSnapshot -Wait, or -Bucket -Key), writes a pre-signed URL that lives -ExpiresIn.
/// </summary>
[Cmdlet(VerbsSecurity.Grant, "CloudSnapshotPermission", HelpUri = HelpLinks.Base + "Grant-CloudSnapshotPermission.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(CloudSnapshot), typeof(PresignedUrl))]
public sealed class GrantCloudSnapshotPermissionCommand : SnapshotPermissionCmdlet
{
    private const string ExportSet = "Export";
    private const string ObjectSet = "Object";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ExportSet)]
    [ValidateNotNull]
    public SnapshotExport? Export { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ObjectSet)]
    [ValidateNotNullOrEmpty]
    public string? Bucket { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ObjectSet)]
    [ValidateNotNullOrEmpty]
    public string? Key { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Parameter(ParameterSetName = ObjectSet)]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public override string? Connection { get; set; }

    [Parameter(ParameterSetName = ExportSet)]
    [Parameter(ParameterSetName = ObjectSet)]
    public TimeSpan? ExpiresIn { get; set; }

    [Parameter(ParameterSetName = ExportSet)]
    [Parameter(ParameterSetName = ObjectSet)]
    [Credential]
    public PSCredential? BucketCredential { get; set; }

    protected override bool Grants => true;

    protected override void ProcessRecord()
    {
        if (ParameterSetName is not (ExportSet or ObjectSet))
        {
            base.ProcessRecord();
            return;
        }
        var request = new ShareExportRequest { Export = Export, Bucket = Bucket, Key = Key, Connection = Connection, ExpiresIn = ExpiresIn,
            BucketAccessKey = BucketCredential?.UserName,
            BucketSecretKey = BucketCredential is null ? null : SecretValue.FromSecureString(BucketCredential.Password),
        };
        RunConcurrently(ct => new ShareExportOperation(Connections, Context).ProcessAsync(request, ct));
    }
}
