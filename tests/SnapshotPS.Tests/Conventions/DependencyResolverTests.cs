using System.Reflection;
using SnapshotPS.Loader;

namespace SnapshotPS.Tests.Conventions;

/// <summary>What PowerShell will ask of the laid-out module folder, and what it must leave to other modules.</summary>
public class DependencyResolverTests
{
    private static readonly ModuleLayout Layout = new(RepoPaths.Of("out", "SnapshotPS"));
    private static readonly ModuleResolver Resolver = new(Layout);
    private static readonly string OurDependency = Path.Combine(Layout.DependenciesFolder, "System.Memory.dll");

    [Fact]
    public void AnOlderVersionAskedForByTheModuleIsAnsweredWithItsCopy()
    {
        var copy = Path.Combine(Layout.DependenciesFolder, "System.Runtime.CompilerServices.Unsafe.dll");
        var requested = new AssemblyName("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");

        Assert.True(AssemblyName.GetAssemblyName(copy).Version > requested.Version);
        Assert.Equal(copy, Resolver.Find(requested, OurDependency)?.Path);
        Assert.Equal(ModuleAssemblyKind.Private, Resolver.Find(requested, OurDependency)?.Kind);
    }

    [Fact]
    public void AnotherModuleAskingForAnAssemblyTheModuleShipsIsLeftAlone()
    {
        var requested = new AssemblyName("AWSSDK.Core, Version=3.3.0.0, Culture=neutral, PublicKeyToken=885c28607f98e604");

        Assert.NotNull(Layout.Private(requested));
        Assert.Null(Resolver.Find(requested, Path.Combine("/opt", "modules", "AWSPowerShell", "AWSPowerShell.dll")));
        Assert.Null(Resolver.Find(requested, null));
    }

    [Fact]
    public void TheEngineIsFoundInDependenciesWhoeverAsks()
    {
        var requested = new AssemblyName("SnapshotPS.Core, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null");
        var found = Resolver.Find(requested, null);
        Assert.Equal(Path.Combine(Layout.DependenciesFolder, "SnapshotPS.Core.dll"), found?.Path);
        Assert.Equal(ModuleAssemblyKind.Engine, found?.Kind);
    }

    [Fact]
    public void AContractSharedWithTheCmdletsIsAnsweredFromBesideThem()
    {
        var requested = new AssemblyName("Microsoft.Bcl.TimeProvider, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51");
        var found = Resolver.Find(requested, Path.Combine(Layout.DependenciesFolder, "Polly.Core.dll"));
        Assert.Equal(Path.Combine(Layout.ModuleFolder, "Microsoft.Bcl.TimeProvider.dll"), found?.Path);
        Assert.Equal(ModuleAssemblyKind.Shared, found?.Kind);
    }

    [Fact]
    public void ANewerVersionThanShippedIsNotPretended()
    {
        var requested = new AssemblyName("System.Text.Json, Version=99.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51");
        Assert.Null(Resolver.Find(requested, OurDependency));
    }

    [Fact]
    public void AnAssemblyTheModuleDoesNotShipIsLeftToOthers() =>
        Assert.Null(Resolver.Find(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0"), OurDependency));

    [Fact]
    public void EveryReferenceBetweenTheModulesAssembliesResolvesInItsFolders()
    {
        var files = Directory.GetFiles(Layout.ModuleFolder, "*.dll").Concat(Directory.GetFiles(Layout.DependenciesFolder, "*.dll")).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            foreach (var reference in ReferencesOf(file))
            {
                if (Layout.Shared(reference) is null && Layout.Private(reference) is null) continue;
                Assert.True(Resolver.Find(reference, file) is not null, $"{Path.GetFileName(file)} needs {reference} but the module holds an older one");
            }
        }
    }

    private static AssemblyName[] ReferencesOf(string file) =>
        new System.Runtime.Loader.AssemblyLoadContext(null, isCollectible: true).LoadFromAssemblyPath(file).GetReferencedAssemblies();
}
