using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace SnapshotPS.Loader;

/// <summary>
/// PowerShell 7: the cmdlets and the engine load in the default context, where PowerShell resolves
/// type names such as [SnapshotPS.Core.Model.CloudSnapshot]; the engine's third-party dependencies
/// load in a private context, so another module's AWSSDK.Core, Polly or YamlDotNet (any version,
/// loaded before or after) never meets ours.
/// </summary>
internal static class CoreIsolation
{
    private static DependencyLoadContext? _context;
    private static ResolveEventHandler? _handler;

    public static bool IsInstalled => _handler is not null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Install(ModuleLayout layout)
    {
        // One private context for the process: the dependencies stay one set of types across re-imports.
        _context ??= new DependencyLoadContext(layout);
        var context = _context;
        var resolver = new ModuleResolver(layout);
        _handler = (_, args) =>
        {
            var requester = args.RequestingAssembly is { IsDynamic: false } assembly ? assembly.Location : null;
            if (resolver.Find(new AssemblyName(args.Name), requester) is not { } found) return null;
            return found.Kind == ModuleAssemblyKind.Private
                ? context.LoadFromAssemblyPath(found.Path)
                : AssemblyLoadContext.Default.LoadFromAssemblyPath(found.Path);
        };
        AppDomain.CurrentDomain.AssemblyResolve += _handler;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Uninstall()
    {
        if (_handler is null) return;
        AppDomain.CurrentDomain.AssemblyResolve -= _handler;
        _handler = null;
    }
}
