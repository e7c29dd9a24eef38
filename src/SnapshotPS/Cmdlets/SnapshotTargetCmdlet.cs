using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// A cmdlet acting on existing snapshots: by value a CloudSnapshot, a hashtable or a kept row
/// (Import-Csv, ConvertFrom-Json, Select-Object) naming one binds -InputObject and an id string binds
/// -Id; by property name Id, Connection and Location bind from any other object.
/// </summary>
public abstract class SnapshotTargetCmdlet : BulkSnapshotCmdlet
{
    protected const string InputObjectSet = "InputObject";
    protected const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNull]
    [SnapshotInput]
    public CloudSnapshot? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("SnapshotId")]
    [ValidateNotNullOrEmpty]
    [SnapshotId]
    [ArgumentCompleter(typeof(SnapshotIdCompleter))]
    public string? Id { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Connection { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("Zone", "Region")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LocationCompleter))]
    public string? Location { get; set; }

    protected SnapshotTarget Target => SnapshotTarget.Of(InputObject, Id, Connection, Location);
}
