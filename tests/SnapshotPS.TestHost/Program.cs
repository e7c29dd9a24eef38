using System.Management.Automation.Runspaces;
using Microsoft.PowerShell;

namespace SnapshotPS.TestHost;

/// <summary>A working pwsh: the console host of Microsoft.PowerShell.SDK over the default session state.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Pester is laid out beside the host, not in $PSHOME (a runtime-specific folder of the SDK).
        var modules = Path.Combine(AppContext.BaseDirectory, "Modules");
        var inherited = Environment.GetEnvironmentVariable("PSModulePath");
        Environment.SetEnvironmentVariable("PSModulePath",
            string.IsNullOrEmpty(inherited) ? modules : modules + Path.PathSeparator + inherited);
        return ConsoleShell.Start(InitialSessionState.CreateDefault2(), string.Empty, string.Empty, args);
    }
}
