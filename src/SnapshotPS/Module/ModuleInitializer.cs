using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace SnapshotPS.Module;

/// <summary>
/// Installs the dependency resolver when the module is imported into Windows PowerShell, and removes it on
/// Remove-Module, which also disconnects the session's connections.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static ResolveEventHandler? _handler;

    public void OnImport()
    {
        if (!RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)) return;
        var folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
        _handler = new DependencyResolver(folder).Resolve;
        AppDomain.CurrentDomain.AssemblyResolve += _handler;
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        RunspaceConnections.DisconnectCurrent();
        if (_handler is null) return;
        AppDomain.CurrentDomain.AssemblyResolve -= _handler;
        _handler = null;
    }
}
