using System;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SnapshotPS.Loader;

/// <summary>
/// Installs dependency isolation when the module is imported (the manifest loads this assembly
/// before the cmdlet assembly) and removes it when the last import is removed. On Windows
/// PowerShell 5.1 (.NET Framework: one load context, no binding redirects for a module), strong-named
/// assemblies of different versions load side by side, so answering this module's own requests with
/// its copies is enough; on PowerShell 7 see <see cref="CoreIsolation"/>.
/// </summary>
public sealed class ModuleLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static int _imports;
    private static ResolveEventHandler? _frameworkHandler;

    public static bool IsFramework { get; } = RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    /// <summary>Imports of the module in this process that are not yet removed (the hooks stay while any remains).</summary>
    public static int ActiveImports { get { lock (Gate) return _imports; } }

    /// <summary>Whether the assembly-resolve hook is in place.</summary>
    public static bool IsInstalled { get { lock (Gate) return _frameworkHandler is not null || (!IsFramework && CoreIsInstalled()); } }

    public void OnImport()
    {
        lock (Gate)
        {
            if (_imports++ > 0) return;
            var layout = ModuleLayout.OfThisModule();
            if (IsFramework)
            {
                var resolver = new ModuleResolver(layout);
                _frameworkHandler = (_, args) =>
                {
                    var requester = args.RequestingAssembly is { IsDynamic: false } assembly ? assembly.Location : null;
                    return resolver.Find(new AssemblyName(args.Name), requester) is { } found ? Assembly.LoadFrom(found.Path) : null;
                };
                AppDomain.CurrentDomain.AssemblyResolve += _frameworkHandler;
            }
            else
            {
                InstallOnCore(layout);
            }
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            if (_imports == 0 || --_imports > 0) return;
            if (_frameworkHandler is not null)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= _frameworkHandler;
                _frameworkHandler = null;
            }
            else if (!IsFramework)
            {
                UninstallOnCore();
            }
        }
    }

    // Kept out of the methods above so that .NET Framework never compiles a call into AssemblyLoadContext.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void InstallOnCore(ModuleLayout layout) => CoreIsolation.Install(layout);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UninstallOnCore() => CoreIsolation.Uninstall();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool CoreIsInstalled() => CoreIsolation.IsInstalled;
}
