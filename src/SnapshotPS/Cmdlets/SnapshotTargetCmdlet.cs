using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

/// <summary>
/// A cmdlet acting on existing snapshots: by value a CloudSnapshot, an id string, or a hashtable or
/// kept row (Import-Csv, ConvertFrom-Json, Select-Object) naming one binds -InputObject (-Connection
/// and -Location then serve the input that names neither); with -Id, Id, Connection and Location
/// bind by property name from any other object.
/// </summary>
public abstract class SnapshotTargetCmdlet : BulkSnapshotCmdlet
{
    protected const string InputObjectSet = "InputObject";
    protected const string IdSet = "Id";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNull]
    [SnapshotInput]
    public CloudSnapshot? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("SnapshotId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SnapshotIdCompleter))]
    public string? Id { get; set; }

    /// <summary>With -Id, or for piped ids and hashtables that name no connection; a snapshot object must agree with it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public virtual string? Connection { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("Zone", "Region")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LocationCompleter))]
    public string? Location { get; set; }

    protected SnapshotTarget Target => SnapshotTarget.Of(InputObject, Id, Connection, Location);
}
