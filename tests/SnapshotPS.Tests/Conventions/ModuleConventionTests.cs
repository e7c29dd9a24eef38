using System.Text.RegularExpressions;
using System.Xml.Linq;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Tests.Conventions;

/// <summary>The module's face: manifest, laid-out folder, help and views, against the cmdlet classes.</summary>
public class ModuleConventionTests
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static string Manifest => File.ReadAllText(RepoPaths.Of("SnapshotPS.psd1"));

    private static string ListIn(string manifest, string key) =>
        Regex.Match(manifest, key + @"\s*=\s*@\((?<items>[^)]*)\)", RegexOptions.Singleline).Groups["items"].Value;

    private static IEnumerable<string> Quoted(string text) => Regex.Matches(text, "'([^']*)'").Select(m => m.Groups[1].Value);

    [Fact]
    public void TheManifestExportsExactlyTheCmdletClasses() =>
        Assert.Equal(CmdletMetadata.All.Select(c => c.Name).OrderBy(n => n), Quoted(ListIn(Manifest, "CmdletsToExport")).OrderBy(n => n));

    [Fact]
    public void TheManifestTargetsBothEditionsFromWindowsPowerShell51()
    {
        var manifest = Manifest;
        Assert.Equal(new[] { "Desktop", "Core" }, Quoted(ListIn(manifest, "CompatiblePSEditions")));
        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", manifest);
        Assert.Matches(@"RootModule\s*=\s*'SnapshotPS\.dll'", manifest);
        foreach (var key in new[] { "Tags", "ProjectUri", "LicenseUri", "ReleaseNotes" }) Assert.Contains(key, manifest);
        Assert.Empty(Quoted(ListIn(manifest, "FunctionsToExport")));
    }

    [Fact]
    public void TheBuildLaysOutAReadyToImportModuleFolder()
    {
        var folder = RepoPaths.Of("out", "SnapshotPS");
        foreach (var file in new[]
                 {
                     "SnapshotPS.psd1", "SnapshotPS.Loader.dll", "SnapshotPS.dll", "Microsoft.Bcl.AsyncInterfaces.dll",
                     Path.Combine("Dependencies", "SnapshotPS.Core.dll"), Path.Combine("Dependencies", "Polly.Core.dll"),
                     Path.Combine("Dependencies", "System.Text.Json.dll"), Path.Combine("Dependencies", "YamlDotNet.dll"),
                     Path.Combine("Dependencies", "AWSSDK.Core.dll"),
                     "SnapshotPS.format.ps1xml", Path.Combine("en-US", "SnapshotPS.dll-Help.xml"), Path.Combine("en-US", "about_SnapshotPS.help.txt"),
                 })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is missing from {folder}");
        }
        Assert.Empty(Directory.GetFiles(folder, "System.Management.Automation.dll", SearchOption.AllDirectories));
    }

    [Fact]
    public void BesideTheManifestSitOnlyTheLoaderTheCmdletsAndTheContractsTheyShareWithTheEngine()
    {
        var folder = RepoPaths.Of("out", "SnapshotPS");
        var cmdlets = System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(folder, "SnapshotPS.dll"));
        var shared = typeof(SnapshotPS.Cmdlets.SnapshotCmdlet).Assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name is not ("netstandard" or "System.Management.Automation" or "SnapshotPS.Core"))
            .Append(cmdlets.Name!).Append("SnapshotPS.Loader")
            .Order(StringComparer.Ordinal);

        var beside = Directory.GetFiles(folder, "*.dll").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(shared, beside);
        Assert.False(File.Exists(Path.Combine(folder, "SnapshotPS.Core.dll")), "the engine belongs in Dependencies/");
    }

    [Fact]
    public void TheManifestLoadsTheLoaderBeforeTheCmdlets() =>
        Assert.Equal(new[] { "SnapshotPS.Loader.dll" }, Quoted(ListIn(Manifest, "NestedModules")));

    [Fact]
    public void TheLaidOutManifestCarriesTheVersionFromDirectoryBuildProps()
    {
        var props = XDocument.Load(RepoPaths.Of("Directory.Build.props"));
        var version = props.Descendants("Version").Single().Value;
        var laidOut = File.ReadAllText(RepoPaths.Of("out", "SnapshotPS", "SnapshotPS.psd1"));
        Assert.Matches($@"ModuleVersion\s*=\s*'{Regex.Escape(version)}'", laidOut);
        Assert.Equal(typeof(CloudSnapshot).Assembly.GetName().Version!.ToString(3), version);
    }

    public static TheoryData<string> CmdletNames() => CmdletConventionTests.CmdletNames();

    private static XElement HelpFor(string name)
    {
        var help = XDocument.Load(RepoPaths.Of("en-US", "SnapshotPS.dll-Help.xml"));
        var entries = help.Root!.Elements(Command + "command")
            .Where(c => c.Element(Command + "details")?.Element(Command + "name")?.Value.Trim() == name).ToList();
        Assert.True(entries.Count == 1, $"{name} has {entries.Count} help entries");
        return entries[0];
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryCmdletHasASynopsisAndADescription(string name)
    {
        var help = HelpFor(name);
        Assert.False(string.IsNullOrWhiteSpace(help.Element(Command + "details")!.Element(Maml + "description")?.Value), "synopsis");
        Assert.False(string.IsNullOrWhiteSpace(help.Element(Maml + "description")?.Value), "description");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryParameterIsDescribed(string name)
    {
        var help = HelpFor(name);
        var described = help.Element(Command + "parameters")!.Elements(Command + "parameter")
            .Where(p => !string.IsNullOrWhiteSpace(p.Element(Maml + "description")?.Value))
            .Select(p => p.Element(Maml + "name")!.Value.Trim())
            .ToHashSet();
        foreach (var parameter in CmdletMetadata.All.Single(c => c.Name == name).Parameters)
            Assert.True(described.Contains(parameter.Name), $"{name} -{parameter.Name} has no help");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryCmdletHasAtLeastTwoExamples(string name)
    {
        var examples = HelpFor(name).Element(Command + "examples")?.Elements(Command + "example").ToList() ?? new();
        Assert.True(examples.Count >= 2, $"{name} has {examples.Count} examples");
        Assert.All(examples, e => Assert.Contains(name, e.Element(Dev + "code")!.Value));
    }

    [Fact]
    public void TheAboutTopicExists()
    {
        var about = File.ReadAllText(RepoPaths.Of("en-US", "about_SnapshotPS.help.txt"));
        Assert.Contains("about_SnapshotPS", about);
        Assert.Contains("SHORT DESCRIPTION", about);
    }

    [Fact]
    public void EveryViewShowsARealTypeAndItsRealProperties()
    {
        var views = XDocument.Load(RepoPaths.Of("SnapshotPS.format.ps1xml")).Descendants("View").ToList();
        Assert.NotEmpty(views);
        var known = new[] { typeof(CloudSnapshot), typeof(SnapshotConnection), typeof(SnapshotExportTask), typeof(SnapshotPS.Core.Engine.Retention.RetentionDecision),
            typeof(SnapshotPS.Core.Storage.SnapshotExport), typeof(SnapshotPS.Core.Storage.PresignedUrl) }
            .ToDictionary(t => t.FullName!);
        foreach (var view in views)
        {
            var typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
            Assert.True(known.TryGetValue(typeName, out var type), $"view for unknown type {typeName}");
            foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
                Assert.NotNull(type!.GetProperty(property));
        }
        Assert.Contains(views, v => v.Element("TableControl") is not null && v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == typeof(CloudSnapshot).FullName);
    }
}
