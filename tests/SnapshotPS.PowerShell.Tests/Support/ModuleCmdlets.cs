using System.Text.RegularExpressions;

namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>The cmdlets the module's manifest exports, read from the built manifest, as theory data.</summary>
public static partial class ModuleCmdlets
{
    public static IReadOnlyList<string> Names { get; } = ReadNames();

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names) data.Add(name);
        return data;
    }

    private static List<string> ReadNames()
    {
        var manifest = File.ReadAllText(ModuleLayout.ManifestPath);
        var list = CmdletsToExport().Match(manifest);
        if (!list.Success) throw new InvalidOperationException("No CmdletsToExport in " + ModuleLayout.ManifestPath);
        return QuotedName().Matches(list.Groups["list"].Value).Select(m => m.Groups["name"].Value).ToList();
    }

    [GeneratedRegex(@"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)")]
    private static partial Regex CmdletsToExport();

    [GeneratedRegex(@"'(?<name>[A-Za-z]+-[A-Za-z]+)'")]
    private static partial Regex QuotedName();
}
