using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace SnapshotPS.Loader;

/// <summary>
/// PowerShell 7: the engine's third-party dependencies load here, apart from the default context
/// where PowerShell and every other module live. What they need in turn comes from here too, except
/// the runtime's own assemblies (when the runtime's version is as new: System.Text.Json on
/// PowerShell 7) and the contracts shared with the cmdlet assembly, which come from the default
/// context so that they stay one type everywhere.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly ModuleLayout _layout;
    private readonly Dictionary<string, string> _platform;

    public DependencyLoadContext(ModuleLayout layout)
    {
        _layout = layout;
        _platform = PlatformAssemblies();
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (_layout.Shared(assemblyName) is { } shared) return FromDefault(assemblyName, shared);
        var own = _layout.Private(assemblyName);
        if (own is null) return null;
        if (_platform.TryGetValue(assemblyName.Name!, out var platformPath)
            && AssemblyName.GetAssemblyName(platformPath).Version >= assemblyName.Version) return null;
        return LoadFromAssemblyPath(own);
    }

    /// <summary>The copy the cmdlet assembly uses: the host's or one already loaded, else the module's.</summary>
    private static Assembly FromDefault(AssemblyName assemblyName, string sharedPath)
    {
        try
        {
            return Default.LoadFromAssemblyName(assemblyName);
        }
        catch (FileNotFoundException)
        {
            return Default.LoadFromAssemblyPath(sharedPath);
        }
    }

    /// <summary>
    /// The runtime's own assemblies (the shared framework's trusted platform assemblies), by name. A
    /// host's application assemblies are left out: a library a host happens to ship is not the runtime.
    /// </summary>
    private static Dictionary<string, string> PlatformAssemblies()
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(Path.GetDirectoryName(path), runtimeFolder, StringComparison.OrdinalIgnoreCase))
                byName[Path.GetFileNameWithoutExtension(path)] = path;
        }
        return byName;
    }
}
