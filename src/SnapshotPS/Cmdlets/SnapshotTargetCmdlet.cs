using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// A cmdlet acting on existing snapshots: bound by value (a CloudSnapshot) or by property name
/// (Id, Connection, Location), so objects from Import-Csv or ConvertFrom-Json bind too.
/// </summary>
public abstract class SnapshotTargetCmdlet : BulkSnapshotCmdlet
{
    protected const string InputObjectSet = "InputObject";
    protected const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNull]
    public CloudSnapshot? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("SnapshotId")]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public virtual string? Connection { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("Zone", "Region")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LocationCompleter))]
    public string? Location { get; set; }

    protected SnapshotTarget Target => new() { InputObject = InputObject, Id = Id, Connection = Connection, Location = Location };
}
