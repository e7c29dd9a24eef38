using System.Collections;
using System.Xml.Linq;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>Get-Help reads the shipped MAML (out/SnapshotPS/en-US) for every cmdlet, and the about topic.</summary>
public sealed class HelpTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";

    private const string HelpOf = """
        $help = Get-Help -Name $name -Full
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + @('UseTransaction')
        [pscustomobject]@{
            Synopsis = $help.Synopsis
            Description = (@($help.description) | ForEach-Object { $_.Text }) -join ' '
            Parameters = @($help.parameters.parameter | ForEach-Object { $_.name })
            Declared = @((Get-Command -Name $name).Parameters.Keys | Where-Object { $_ -notin $common })
            Examples = @($help.examples.example | Where-Object { $_.code })
        }
        """;

    [Fact]
    public void The_theory_data_lists_every_cmdlet_the_module_exports()
    {
        using var session = fixture.NewSession();

        var exported = session.Run("Get-Command -Module SnapshotPS -CommandType Cmdlet | ForEach-Object Name").AssertSucceeded().Output;

        Assert.Equal(ModuleCmdlets.Names.Order(), exported.Select(o => (string)o.BaseObject).Order());
    }

    [Theory]
    [MemberData(nameof(ModuleCmdlets.All), MemberType = typeof(ModuleCmdlets))]
    public void Get_Help_shows_the_shipped_synopsis_description_and_at_least_two_examples(string name)
    {
        using var session = fixture.NewSession();

        var help = session.Run(HelpOf, new Hashtable { ["name"] = name }).AssertSucceeded().Output.Single();

        Assert.Equal(Normalized(ShippedHelp(name).Element(Command + "details")!.Element(Maml + "description")!.Value), Normalized((string)help.Properties["Synopsis"].Value));
        Assert.True(((string)help.Properties["Description"].Value).Trim().Length > 40, name + " has no real description.");
        Assert.True(((object[])help.Properties["Examples"].Value).Length >= 2, name + " has fewer than two examples with code.");
    }

    [Theory]
    [MemberData(nameof(ModuleCmdlets.All), MemberType = typeof(ModuleCmdlets))]
    public void Get_Help_describes_every_parameter_the_cmdlet_declares(string name)
    {
        using var session = fixture.NewSession();

        var help = session.Run(HelpOf, new Hashtable { ["name"] = name }).AssertSucceeded().Output.Single();

        var documented = ((object[])help.Properties["Parameters"].Value).Select(p => p.ToString()!).Order();
        var declared = ((object[])help.Properties["Declared"].Value).Select(p => p.ToString()!).Order();
        Assert.Equal(declared, documented);
    }

    [Fact]
    public void Get_Help_about_SnapshotPS_shows_the_about_topic()
    {
        using var session = fixture.NewSession();

        var topic = session.Run("Get-Help about_SnapshotPS | Out-String").AssertSucceeded().Output.Single().BaseObject as string;

        Assert.Contains("about_SnapshotPS", topic, StringComparison.Ordinal);
        Assert.Contains("Connect-SnapshotProvider", topic, StringComparison.Ordinal);
        Assert.True(topic!.Length > 2000, "The about topic is suspiciously short.");
    }

    private static XElement ShippedHelp(string name)
    {
        var maml = XDocument.Load(Path.Combine(ModuleLayout.ModuleFolder, "en-US", "SnapshotPS.dll-Help.xml"));
        return maml.Root!.Elements(Command + "command")
            .Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value.Trim() == name);
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
