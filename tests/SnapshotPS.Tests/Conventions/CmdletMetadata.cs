using System.Reflection;
using SnapshotPS.Cmdlets;

namespace SnapshotPS.Tests.Conventions;

/// <summary>
/// What PowerShell would read off a cmdlet class, read with CustomAttributeData because the
/// PowerShellStandard stubs return nothing from their attribute getters at run time.
/// </summary>
public sealed class CmdletMetadata
{
    public required Type Type { get; init; }
    public required string Verb { get; init; }
    public required string Noun { get; init; }
    public string Name => $"{Verb}-{Noun}";
    public bool SupportsShouldProcess { get; init; }
    public bool SupportsPaging { get; init; }
    public int ConfirmImpact { get; init; }
    public string? DefaultParameterSet { get; init; }
    public IReadOnlyList<Type> OutputTypes { get; init; } = Array.Empty<Type>();
    public IReadOnlyList<ParameterMetadata> Parameters { get; init; } = Array.Empty<ParameterMetadata>();

    public ParameterMetadata Parameter(string name) => Parameters.Single(p => p.Name == name);

    public static IReadOnlyList<CmdletMetadata> All { get; } = typeof(SnapshotCmdlet).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && Named(t, "CmdletAttribute") is not null)
        .Select(Read)
        .OrderBy(c => c.Name)
        .ToList();

    public static CmdletMetadata Of<T>() => All.Single(c => c.Type == typeof(T));

    private static CmdletMetadata Read(Type type)
    {
        var cmdlet = Named(type, "CmdletAttribute")!;
        return new CmdletMetadata
        {
            Type = type,
            Verb = (string)cmdlet.ConstructorArguments[0].Value!,
            Noun = (string)cmdlet.ConstructorArguments[1].Value!,
            SupportsShouldProcess = NamedArgument(cmdlet, "SupportsShouldProcess") is true,
            SupportsPaging = NamedArgument(cmdlet, "SupportsPaging") is true,
            ConfirmImpact = NamedArgument(cmdlet, "ConfirmImpact") is int impact ? impact : 2,
            DefaultParameterSet = NamedArgument(cmdlet, "DefaultParameterSetName") as string,
            OutputTypes = CustomAttributeData.GetCustomAttributes(type)
                .Where(a => a.AttributeType.Name == "OutputTypeAttribute")
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
                .OfType<Type>()
                .ToList(),
            Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(ParameterMetadata.Read)
                .Where(p => p is not null)
                .Cast<ParameterMetadata>()
                .ToList(),
        };
    }

    internal static CustomAttributeData? Named(MemberInfo member, string attributeName) =>
        CustomAttributeData.GetCustomAttributes(member).FirstOrDefault(a => a.AttributeType.Name == attributeName);

    internal static object? NamedArgument(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();
}

public sealed class ParameterMetadata
{
    public required string Name { get; init; }
    public required Type Type { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = Array.Empty<string>();
    public IReadOnlyList<ParameterSetBinding> Sets { get; init; } = Array.Empty<ParameterSetBinding>();
    public bool SupportsWildcards { get; init; }

    public IEnumerable<string> NamesAndAliases => Aliases.Prepend(Name);

    internal static ParameterMetadata? Read(PropertyInfo property)
    {
        var sets = CustomAttributeData.GetCustomAttributes(property)
            .Where(a => a.AttributeType.Name == "ParameterAttribute")
            .Select(a => new ParameterSetBinding(
                CmdletMetadata.NamedArgument(a, "ParameterSetName") as string ?? "__AllParameterSets",
                CmdletMetadata.NamedArgument(a, "Mandatory") is true,
                CmdletMetadata.NamedArgument(a, "Position") is int position ? position : int.MinValue,
                CmdletMetadata.NamedArgument(a, "ValueFromPipeline") is true,
                CmdletMetadata.NamedArgument(a, "ValueFromPipelineByPropertyName") is true))
            .ToList();
        if (sets.Count == 0) return null;
        var alias = CmdletMetadata.Named(property, "AliasAttribute");
        return new ParameterMetadata
        {
            Name = property.Name,
            Type = property.PropertyType,
            Sets = sets,
            SupportsWildcards = CmdletMetadata.Named(property, "SupportsWildcardsAttribute") is not null,
            Aliases = alias is null ? Array.Empty<string>()
                : ((IEnumerable<CustomAttributeTypedArgument>)alias.ConstructorArguments[0].Value!).Select(v => (string)v.Value!).ToList(),
        };
    }
}

public sealed record ParameterSetBinding(string Set, bool Mandatory, int Position, bool ByValue, bool ByPropertyName);
