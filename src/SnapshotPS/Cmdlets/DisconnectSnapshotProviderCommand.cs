using System.Management.Automation;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

[Cmdlet(VerbsCommunications.Disconnect, "SnapshotProvider", HelpUri = HelpLinks.Base + "Disconnect-SnapshotProvider.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = NameSet)]
[OutputType(typeof(void))]
public sealed class DisconnectSnapshotProviderCommand : SnapshotCmdlet
{
    private const string NameSet = "Name";
    private const string AllSet = "All";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [ArgumentCompleter(typeof(ConnectionNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = new string[0];

    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord() => Run(() =>
    {
        var operation = new DisconnectProviderOperation(Connections, Context);
        if (ParameterSetName == AllSet) operation.ProcessAll();
        else operation.Process(Name);
    });
}
