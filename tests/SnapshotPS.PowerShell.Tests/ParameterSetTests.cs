namespace SnapshotPS.PowerShell.Tests;

/// <summary>Every cmdlet's parameter sets as PowerShell sees them, against the shipped help.</summary>
public sealed class ParameterSetTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Theory]
    [InlineData("Connect-SnapshotProvider", "Configuration", "Configuration,Credential,SecretKey")]
    [InlineData("Copy-CloudSnapshot", "InputObject", "Id,InputObject")]
    [InlineData("Disconnect-SnapshotProvider", "Name", "All,Name")]
    [InlineData("Export-CloudSnapshot", "InputObject", "Id,InputObject")]
    [InlineData("Get-CloudSnapshot", "List", "Id,InputObject,List")]
    [InlineData("Get-CloudSnapshotExportTask", "List", "Id,List,Snapshot")]
    [InlineData("Get-SnapshotProvider", null, "__AllParameterSets")]
    [InlineData("Grant-CloudSnapshotPermission", "InputObject", "Export,Id,InputObject,Object")]
    [InlineData("New-CloudSnapshot", "ImportExport", "Import,ImportExport,ImportObject,Volume")]
    [InlineData("Remove-CloudSnapshot", "InputObject", "Id,InputObject")]
    [InlineData("Revoke-CloudSnapshotPermission", "InputObject", "Id,InputObject")]
    [InlineData("Select-ExpiredCloudSnapshot", null, "__AllParameterSets")]
    [InlineData("Set-CloudSnapshot", "InputObject", "Id,InputObject")]
    [InlineData("Stop-CloudSnapshotExportTask", "InputObject", "Id,InputObject")]
    [InlineData("Wait-CloudSnapshot", "InputObject", "Id,InputObject")]
    public void Get_Command_reports_the_documented_parameter_sets_and_default(string cmdlet, string? defaultSet, string sets)
    {
        using var session = fixture.NewSession();

        var command = session.Run("Get-Command -Name $name -Module SnapshotPS", new System.Collections.Hashtable { ["name"] = cmdlet })
            .AssertSucceeded().OutputOf<CmdletInfo>().Single();

        Assert.Equal(defaultSet, command.DefaultParameterSet);
        Assert.Equal(sets, string.Join(",", command.ParameterSets.Select(s => s.Name).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_theory_above_covers_every_cmdlet_the_module_exports()
    {
        using var session = fixture.NewSession();

        var exported = session.Run("(Get-Command -Module SnapshotPS -CommandType Cmdlet).Name").AssertSucceeded().OutputOf<string>();

        Assert.Equal(BindingScripts.Cmdlets.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> AllCmdlets() => new(BindingScripts.Cmdlets);

    [Theory]
    [MemberData(nameof(AllCmdlets))]
    public void Each_help_syntax_names_exactly_the_parameters_of_one_parameter_set(string cmdlet)
    {
        using var session = fixture.NewSession();

        var result = session.Run(DescribeSets, new System.Collections.Hashtable { ["name"] = cmdlet }).AssertSucceeded();

        var fromCode = result.Output.Where(o => o.Properties["Source"].Value as string == "code").Select(o => (string)o.Properties["Set"].Value).Order().ToList();
        var fromHelp = result.Output.Where(o => o.Properties["Source"].Value as string == "help").Select(o => (string)o.Properties["Set"].Value).Order().ToList();
        Assert.NotEmpty(fromCode);
        Assert.Equal(fromCode, fromHelp);
    }

    /// <summary>
    /// One line per parameter set: "Name!&lt;ByValue&gt;" for each parameter (! mandatory). Common parameters are
    /// left out; -WhatIf, -Confirm and the paging parameters (-First, -Skip, -IncludeTotalCount) must be in the help.
    /// </summary>
    private const string DescribeSets = """
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + @('UseTransaction')
        function Format-Parameter([string] $Name, [bool] $Mandatory, [string[]] $Pipeline) {
            $Name + $(if ($Mandatory) { '!' } else { '' }) + $(if ($Pipeline) { '<' + (($Pipeline | Sort-Object) -join ',') + '>' } else { '' })
        }
        foreach ($set in (Get-Command -Name $name).ParameterSets) {
            $line = ($set.Parameters | Where-Object Name -notin $common | Sort-Object Name | ForEach-Object {
                Format-Parameter $_.Name $_.IsMandatory @(if ($_.ValueFromPipeline) { 'ByValue' }; if ($_.ValueFromPipelineByPropertyName) { 'ByPropertyName' })
            }) -join ' '
            [pscustomobject]@{ Source = 'code'; Set = $line }
        }
        foreach ($item in (Get-Help -Name $name -Full).syntax.syntaxItem) {
            $line = (@($item.parameter) | Sort-Object name | ForEach-Object {
                $pipeline = if ($_.pipelineInput -match '\((.+)\)') { $Matches[1] -split ',\s*' } else { @() }
                Format-Parameter $_.name ($_.required -eq 'true') $pipeline
            }) -join ' '
            [pscustomobject]@{ Source = 'help'; Set = $line }
        }
        """;
}
