using System.Text.RegularExpressions;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>Every cmdlet the module exports is run by at least one test of this project.</summary>
public sealed class CoverageTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    /// <summary>Files that name cmdlets without running them: tab completion, help, and this check.</summary>
    private static readonly string[] MentionOnly = ["CompletionTests.cs", "HelpTests.cs", "CoverageTests.cs"];

    private static string ProjectFolder => Path.Combine(ModuleLayout.RepositoryRoot, "tests", "SnapshotPS.PowerShell.Tests");

    [Fact]
    public void Every_exported_cmdlet_is_run_by_a_test_of_this_project()
    {
        using var session = fixture.NewSession();
        var exported = session.Run("Get-Command -Module SnapshotPS | ForEach-Object Name").AssertSucceeded().Output.Select(o => (string)o.BaseObject).ToList();
        var tests = TestSources().Select(File.ReadAllText).ToList();

        var unexercised = exported.Where(name => !tests.Any(source => RunsCmdlet(source, name))).ToList();

        Assert.NotEmpty(exported);
        Assert.True(unexercised.Count == 0, "No test runs: " + string.Join(", ", unexercised));
    }

    [Fact]
    public void A_cmdlet_name_counts_only_as_a_whole_word()
    {
        Assert.False(RunsCmdlet("session.Run(\"Get-CloudSnapshotExportTask -Id $id\")", "Get-CloudSnapshot"));
        Assert.True(RunsCmdlet("session.Run(\"Get-CloudSnapshot -Id $id | Remove-CloudSnapshot\")", "Remove-CloudSnapshot"));
    }

    private static IEnumerable<string> TestSources() =>
        Directory.EnumerateFiles(ProjectFolder, "*.cs", SearchOption.TopDirectoryOnly)
            .Where(path => !MentionOnly.Contains(Path.GetFileName(path)));

    private static bool RunsCmdlet(string source, string name) =>
        Regex.IsMatch(source, $@"(?<![\w-]){Regex.Escape(name)}(?![\w-])");
}
