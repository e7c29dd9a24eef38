using System;
using System.IO;
using System.Reflection;

namespace SnapshotPS.Loader;

/// <summary>
/// The laid-out module folder. What sits beside the cmdlet assembly is shared with it (and with
/// PowerShell); what sits in Dependencies/ is the engine's own: its copies of AWSSDK.Core, Polly,
/// YamlDotNet and the rest, which must never meet another module's copies.
/// </summary>
public sealed class ModuleLayout
{
    public const string DependenciesFolderName = "Dependencies";

    /// <summary>Assemblies of Dependencies/ that the cmdlet assembly itself references.</summary>
    private static readonly string[] EngineAssemblies = ["SnapshotPS.Core"];

    public ModuleLayout(string moduleFolder)
    {
        ModuleFolder = moduleFolder;
        DependenciesFolder = Path.Combine(moduleFolder, DependenciesFolderName);
    }

    public string ModuleFolder { get; }
    public string DependenciesFolder { get; }

    public static ModuleLayout OfThisModule() =>
        new(Path.GetDirectoryName(typeof(ModuleLayout).Assembly.Location)!);

    public static bool IsEngine(AssemblyName name) =>
        Array.IndexOf(EngineAssemblies, name.Name) >= 0;

    /// <summary>The module's own copy beside the cmdlet assembly, if any.</summary>
    public string? Shared(AssemblyName name) => Existing(ModuleFolder, name);

    /// <summary>The engine's private copy, if any.</summary>
    public string? Private(AssemblyName name) => Existing(DependenciesFolder, name);

    /// <summary>Whether an assembly loaded from this path is one of this module's (beside the manifest or in Dependencies/).</summary>
    public bool Owns(string? assemblyLocation)
    {
        if (string.IsNullOrEmpty(assemblyLocation)) return false;
        var folder = Path.GetDirectoryName(assemblyLocation);
        return SameFolder(folder, ModuleFolder) || SameFolder(folder, DependenciesFolder);
    }

    private static bool SameFolder(string? a, string b) =>
        a is not null && string.Equals(a.TrimEnd(Path.DirectorySeparatorChar), b.TrimEnd(Path.DirectorySeparatorChar), StringComparison.OrdinalIgnoreCase);

    private static string? Existing(string folder, AssemblyName name)
    {
        if (string.IsNullOrEmpty(name.Name)) return null;
        var path = Path.Combine(folder, name.Name + ".dll");
        return File.Exists(path) ? path : null;
    }
}
