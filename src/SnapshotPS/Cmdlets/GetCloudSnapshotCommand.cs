using System.Collections;
using System.Management.Automation;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsCommon.Get, "CloudSnapshot", HelpUri = HelpLinks.Base + "Get-CloudSnapshot.md", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(CloudSnapshot))]
public sealed class GetCloudSnapshotCommand : SnapshotCmdlet
{
    private const string ListSet = "List";
    private const string IdSet = "Id";
    private const string InputObjectSet = "InputObject";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("SnapshotId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SnapshotIdCompleter))]
    public string[]? Id { get; set; }

    /// <summary>A snapshot to read again, or an id string, hashtable or kept row (Import-Csv, ConvertFrom-Json) naming one.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNull]
    [SnapshotInput]
    public CloudSnapshot? InputObject { get; set; }

    [Parameter(Position = 0, ParameterSetName = ListSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SnapshotIdCompleter))]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? VolumeId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [TagTable]
    public Hashtable? Tag { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public SnapshotState[]? State { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, 1000)]
    public int? PageSize { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter AllConnections { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public SnapshotOwner Owner { get; set; } = SnapshotOwner.Self;

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Connection { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = InputObjectSet)]
    [Alias("Zone", "Region")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LocationCompleter))]
    public string? Location { get; set; }

    protected override void ProcessRecord()
    {
        var request = new GetSnapshotRequest
        {
            TotalCountObject = PagingParameters.IncludeTotalCount ? (count, accuracy) => PagingParameters.NewTotalCount(count, accuracy) : null,
            Connection = Connection,
            AllConnections = AllConnections.IsPresent,
            Ids = Id ?? new string[0],
            Names = Name ?? new string[0],
            VolumeId = VolumeId,
            Tags = Tag,
            States = State ?? new SnapshotState[0],
            Location = Location,
            PageSize = PageSize,
            First = PagingParameters.First == ulong.MaxValue ? null : PagingParameters.First,
            Skip = PagingParameters.Skip,
            Owner = Owner,
            Target = InputObject is null ? null : SnapshotTarget.Of(InputObject, null, Connection, Location),
        };
        Run(ct => new GetSnapshotOperation(Connections, Context).ProcessAsync(request, ct));
    }
}
