using System;
using System.IO;
using System.Reflection;

namespace SnapshotPS.Module;

/// <summary>
/// Windows PowerShell 5.1 runs on .NET Framework, which has no binding redirects for a module's
/// netstandard2.0 dependencies: System.Memory asks for one version of
/// System.Runtime.CompilerServices.Unsafe while the folder holds another. This answers such
/// requests with the module's own copy when it is the same or a newer version.
/// </summary>
public sealed class DependencyResolver
{
    private readonly string _folder;

    public DependencyResolver(string folder) => _folder = folder;

    /// <summary>The path of the module's copy that can stand in for the requested assembly, if any.</summary>
    public string? Find(AssemblyName requested)
    {
        if (string.IsNullOrEmpty(requested.Name)) return null;
        var candidate = Path.Combine(_folder, requested.Name + ".dll");
        if (!File.Exists(candidate)) return null;
        var available = AssemblyName.GetAssemblyName(candidate);
        return requested.Version is null || available.Version >= requested.Version ? candidate : null;
    }

    public Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var path = Find(new AssemblyName(args.Name));
        return path is null ? null : Assembly.LoadFrom(path);
    }
}
