using System.Management.Automation;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsCommon.Get, "SnapshotProvider", HelpUri = HelpLinks.Base + "Get-SnapshotProvider.md")]
[OutputType(typeof(SnapshotConnection))]
public sealed class GetSnapshotProviderCommand : SnapshotCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    public string[]? Name { get; set; }

    [Parameter]
    public CloudProvider? Provider { get; set; }

    protected override void ProcessRecord() =>
        Run(() => new GetProviderOperation(Connections, Context).Process(Name ?? new string[0], Provider));
}
