namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// The real PowerShell runs the loader (the manifest's nested module) on Import-Module and
/// Remove-Module. Other test classes' sessions may hold imports too, so counts are compared, not fixed.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ModuleLoaderTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const string Imports = "[SnapshotPS.Loader.ModuleLoader]::ActiveImports";

    [Fact]
    public void Import_Module_installs_the_loader_and_Remove_Module_releases_it()
    {
        using var first = fixture.NewSession();
        var before = Count(first);
        using var second = fixture.NewSession();

        Assert.Equal(before + 1, Count(second));
        Assert.True((bool)second.Run("[SnapshotPS.Loader.ModuleLoader]::IsInstalled").AssertSucceeded().Output.Single().BaseObject);

        second.Run("Remove-Module SnapshotPS").AssertSucceeded();
        Assert.Equal(before, Count(first));
    }

    [Fact]
    public void The_engine_loads_where_PowerShell_resolves_its_type_names_and_its_dependencies_apart()
    {
        using var session = fixture.NewSession();
        const string contexts = """
            $engine = [SnapshotPS.Core.Model.CloudSnapshot].Assembly
            $polly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Polly.Core' } | Select-Object -First 1
            Connect-SnapshotProvider -Provider Scaleway -Endpoint $endpoint -SecretKey (ConvertTo-SecureString $secret -AsPlainText -Force) -ProjectId $project -Zone fr-par-1
            $null = Get-CloudSnapshot -Location fr-par-1 -First 1
            $polly = [System.Runtime.Loader.AssemblyLoadContext]::All | ForEach-Object Assemblies | Where-Object { $_.GetName().Name -eq 'Polly.Core' } | Select-Object -First 1
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).GetType().Name
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($polly).GetType().Name
            [System.IO.Path]::GetFileName([System.IO.Path]::GetDirectoryName($polly.Location))
            """;
        var output = session.Run(contexts, new System.Collections.Hashtable
        {
            ["endpoint"] = fixture.Emulator.ScalewayEndpoint,
            ["secret"] = SnapshotPS.Emulator.ScalewayFake.DefaultSecretKey,
            ["project"] = SnapshotPS.Emulator.ScalewayFake.DefaultProjectId,
        }).AssertSucceeded().Output.Select(o => o.BaseObject.ToString()).ToList();

        Assert.Equal(["DefaultAssemblyLoadContext", "DependencyLoadContext", "Dependencies"], output);
    }

    private static int Count(PowerShellSession session) => (int)session.Run(Imports).AssertSucceeded().Output.Single().BaseObject;
}
