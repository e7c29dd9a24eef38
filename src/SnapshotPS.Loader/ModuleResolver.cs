using System.Reflection;

namespace SnapshotPS.Loader;

/// <summary>Where a requested assembly comes from in the module's folders.</summary>
public enum ModuleAssemblyKind
{
    /// <summary>The engine, whose types PowerShell must resolve by name: the default context.</summary>
    Engine,

    /// <summary>Beside the cmdlet assembly and shared with it: the default context.</summary>
    Shared,

    /// <summary>A dependency of the engine, in Dependencies/: kept apart from other modules' copies.</summary>
    Private,
}

public readonly struct ModuleAssembly
{
    public ModuleAssembly(string path, ModuleAssemblyKind kind)
    {
        Path = path;
        Kind = kind;
    }

    public string Path { get; }
    public ModuleAssemblyKind Kind { get; }
}

/// <summary>
/// Answers the assembly requests of this module's own assemblies with the module's copies (the same
/// version or newer), and the engine to whoever asks for it. Everyone else's requests are left alone:
/// AWS.Tools asking for its AWSSDK.Core never gets ours.
/// </summary>
public sealed class ModuleResolver
{
    private readonly ModuleLayout _layout;

    public ModuleResolver(ModuleLayout layout) => _layout = layout;

    public ModuleAssembly? Find(AssemblyName requested, string? requesterLocation)
    {
        var engine = ModuleLayout.IsEngine(requested);
        if (!engine && !_layout.Owns(requesterLocation)) return null;
        var found = _layout.Private(requested) is { } own
            ? new ModuleAssembly(own, engine ? ModuleAssemblyKind.Engine : ModuleAssemblyKind.Private)
            : _layout.Shared(requested) is { } shared ? new ModuleAssembly(shared, ModuleAssemblyKind.Shared) : (ModuleAssembly?)null;
        if (found is not { } answer) return null;
        var available = AssemblyName.GetAssemblyName(answer.Path);
        return requested.Version is null || available.Version >= requested.Version ? answer : null;
    }
}
