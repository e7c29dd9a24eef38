using System.Management.Automation;
using SnapshotPS.Core.Storage;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// New-CloudSnapshot's imports from object storage: an export piped from Export-CloudSnapshot -Wait, or -Bucket -Key.
/// PowerShell settles on the default set before pipeline binding when a set's mandatory parameters could come from
/// the pipeline: with the export set as default and -Export not mandatory, a piped export binds by value and any
/// other object with a VolumeId property still binds by name to the Volume set.
/// </summary>
public sealed partial class NewCloudSnapshotCommand
{
    private const string ExportSet = "ImportExport";
    private const string ObjectSet = "ImportObject";

    [Parameter(ValueFromPipeline = true, ParameterSetName = ExportSet)]
    [ValidateNotNull]
    public SnapshotExport? Export { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ObjectSet)]
    [ValidateNotNullOrEmpty]
    public string? Bucket { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ObjectSet)]
    [ValidateNotNullOrEmpty]
    public string? Key { get; set; }

    [Parameter(ParameterSetName = ExportSet)]
    [Parameter(ParameterSetName = ObjectSet)]
    [Credential]
    public PSCredential? BucketCredential { get; set; }
}
