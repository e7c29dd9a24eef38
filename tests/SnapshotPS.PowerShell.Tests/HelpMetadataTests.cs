using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// Get-Help, as PowerShell reads the shipped MAML, against each cmdlet's real metadata: every parameter
/// set with every parameter (-WhatIf, -Confirm and the paging parameters included, the other common
/// parameters left out), its type, position, mandatory flag, pipeline input and aliases; a description
/// for each; INPUTS naming exactly what binds from the pipeline; and the online links.
/// Regenerate the help with ./build.ps1 -Task Help (tools/Update-ModuleHelp.ps1) when these fail.
/// </summary>
public sealed class HelpMetadataTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const string Common = """
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + @('UseTransaction')
        function Get-ShortType([type] $Type) { $u = [Nullable]::GetUnderlyingType($Type); if ($u) { $u.Name } else { $Type.Name } }
        """;

    /// <summary>One line per parameter of each set: "set|name|type|position|mandatory|pipeline|aliases".</summary>
    private const string SetsFromCode = Common + """
        $command = Get-Command -Name $name
        foreach ($set in $command.ParameterSets) {
            $line = @($set.Parameters | Where-Object Name -notin $common | Sort-Object Name | ForEach-Object {
                $pipeline = @(if ($_.ValueFromPipeline) { 'ByValue' }; if ($_.ValueFromPipelineByPropertyName) { 'ByPropertyName' }) -join ','
                $position = if ($_.Position -ge 0) { [string]$_.Position } else { 'named' }
                $type = if ($_.ParameterType -eq [switch]) { '' } else { Get-ShortType $_.ParameterType }
                '{0}:{1}:{2}:{3}:{4}:{5}' -f $_.Name, $type, $position, $_.IsMandatory.ToString().ToLowerInvariant(), $pipeline, (@($_.Aliases | Sort-Object) -join ',')
            }) -join ' '
            $line
        }
        """;

    private const string SetsFromHelp = """
        foreach ($item in @((Get-Help -Name $name -Full).syntax.syntaxItem)) {
            $line = @(@($item.parameter) | Sort-Object name | ForEach-Object {
                $pipeline = if ($_.pipelineInput -match '\((.+)\)') { (($Matches[1] -split ',\s*') -join ',') } else { '' }
                $aliases = if ($_.aliases -and $_.aliases -ne 'none') { (@($_.aliases -split ',\s*' | Sort-Object) -join ',') } else { '' }
                $type = if ($_.parameterValue) { [string]$_.parameterValue } else { '' }
                '{0}:{1}:{2}:{3}:{4}:{5}' -f $_.name, $type, $_.position, $_.required, $pipeline, $aliases
            }) -join ' '
            $line
        }
        """;

    [Theory]
    [MemberData(nameof(ModuleCmdlets.All), MemberType = typeof(ModuleCmdlets))]
    public void Each_help_syntax_item_is_one_parameter_set_with_every_parameter_and_its_metadata(string name)
    {
        using var session = fixture.NewSession();

        var fromCode = session.Run(SetsFromCode, Vars(name)).AssertSucceeded().OutputOf<string>().Order(StringComparer.Ordinal).ToList();
        var fromHelp = session.Run(SetsFromHelp, Vars(name)).AssertSucceeded().OutputOf<string>().Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(fromCode);
        Assert.Equal(fromCode, fromHelp);
    }

    [Theory]
    [MemberData(nameof(ModuleCmdlets.All), MemberType = typeof(ModuleCmdlets))]
    public void Get_Help_Parameter_describes_every_parameter_including_WhatIf_Confirm_and_paging(string name)
    {
        using var session = fixture.NewSession();

        var result = session.Run(Common + """
            $declared = @((Get-Command -Name $name).Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object)
            foreach ($parameter in $declared) {
                $help = Get-Help -Name $name -Parameter $parameter -ErrorAction SilentlyContinue
                $text = if ($help) { (@($help.description) | ForEach-Object { $_.Text }) -join ' ' } else { '' }
                '{0}={1}' -f $parameter, $text.Trim().Length
            }
            """, Vars(name)).AssertSucceeded();

        var lengths = result.OutputOf<string>().Select(l => l.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(lengths);
        Assert.All(lengths, p => Assert.True(p.Value >= 15, $"{name} -{p.Key} has no description in Get-Help."));
    }

    [Fact]
    public void WhatIf_Confirm_First_Skip_and_IncludeTotalCount_are_in_the_help_of_the_cmdlets_that_have_them()
    {
        using var session = fixture.NewSession();

        var found = session.Run("""
            (Get-Help Set-CloudSnapshot -Parameter WhatIf).name
            (Get-Help Remove-CloudSnapshot -Parameter Confirm).name
            (Get-Help Get-CloudSnapshot -Parameter First).name
            (Get-Help Get-CloudSnapshot -Parameter Skip).name
            (Get-Help Get-CloudSnapshot -Parameter IncludeTotalCount).name
            (Get-Help Set-CloudSnapshot).syntax.syntaxItem[0].parameter.name -contains 'WhatIf'
            """).AssertSucceeded().Output.Select(o => o.BaseObject.ToString()).ToList();

        Assert.Equal(["WhatIf", "Confirm", "First", "Skip", "IncludeTotalCount", "True"], found);
    }

    [Theory]
    [MemberData(nameof(ModuleCmdlets.All), MemberType = typeof(ModuleCmdlets))]
    public void INPUTS_name_exactly_the_types_that_bind_from_the_pipeline(string name)
    {
        using var session = fixture.NewSession();

        var result = session.Run(Common + """
            $expected = New-Object System.Collections.Generic.List[string]
            foreach ($parameter in (Get-Command -Name $name).Parameters.Values | Where-Object Name -notin $common) {
                $attributes = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
                if (@($attributes | Where-Object ValueFromPipeline).Count -gt 0) {
                    $type = $parameter.ParameterType; if ($type.IsArray) { $type = $type.GetElementType() }
                    $expected.Add($type.FullName)
                    if (@($parameter.Attributes | Where-Object { $_.GetType().Name -eq 'SnapshotInputAttribute' }).Count -gt 0) {
                        $expected.Add('System.String'); $expected.Add('System.Collections.Hashtable'); $expected.Add('System.Management.Automation.PSCustomObject')
                    }
                }
                if (@($attributes | Where-Object ValueFromPipelineByPropertyName).Count -gt 0) { $expected.Add('System.Management.Automation.PSObject') }
            }
            if ($expected.Count -eq 0) { $expected.Add('None') }
            [pscustomobject]@{
                Expected = @($expected | Sort-Object -Unique)
                Documented = @(@((Get-Help -Name $name -Full).inputTypes.inputType) | ForEach-Object { $_.type.name.Trim() } | Sort-Object -Unique)
            }
            """, Vars(name)).AssertSucceeded().Output.Single();

        Assert.Equal(((object[])result.Properties["Expected"].Value).Select(o => o.ToString()), ((object[])result.Properties["Documented"].Value).Select(o => o.ToString()));
    }

    [Theory]
    [MemberData(nameof(ModuleCmdlets.All), MemberType = typeof(ModuleCmdlets))]
    public void HelpUri_and_the_online_link_point_at_the_cmdlets_page_in_docs(string name)
    {
        using var session = fixture.NewSession();

        var links = session.Run("""
            (Get-Command -Name $name).HelpUri
            @((Get-Help -Name $name -Full).relatedLinks.navigationLink | Where-Object linkText -eq 'Online Version:')[0].uri
            """, Vars(name)).AssertSucceeded().OutputOf<string>();

        var expected = $"https://github.com/snapshotps/SnapshotPS/blob/main/docs/{name}.md";
        Assert.Equal([expected, expected], links);
        var page = File.ReadAllText(Path.Combine(ModuleLayout.RepositoryRoot, "docs", name + ".md"));
        Assert.StartsWith("# " + name, page, StringComparison.Ordinal);
        Assert.Contains("## PARAMETERS", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_names_the_docs_as_HelpInfoURI()
    {
        using var session = fixture.NewSession();

        var uri = session.Run("(Get-Module SnapshotPS).HelpInfoUri").AssertSucceeded().OutputOf<string>().Single();

        Assert.Equal("https://github.com/snapshotps/SnapshotPS/tree/main/docs", uri);
        Assert.True(Directory.Exists(Path.Combine(ModuleLayout.RepositoryRoot, "docs")));
    }

    private static Hashtable Vars(string name) => new() { ["name"] = name };
}
