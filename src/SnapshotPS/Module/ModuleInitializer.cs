using System.Management.Automation;

namespace SnapshotPS.Module;

/// <summary>Remove-Module disconnects the session's connections (SnapshotPS.Loader handles assembly loading).</summary>
public sealed class ModuleInitializer : IModuleAssemblyCleanup
{
    public void OnRemove(PSModuleInfo psModuleInfo) => RunspaceConnections.DisconnectCurrent();
}
