using System.Reflection;
using SnapshotPS.Module;

namespace SnapshotPS.Tests.Conventions;

/// <summary>What Windows PowerShell 5.1 will ask of the laid-out module folder when versions differ.</summary>
public class DependencyResolverTests
{
    private static readonly string Folder = RepoPaths.Of("out", "SnapshotPS");

    [Fact]
    public void AnOlderRequestedVersionIsAnsweredWithTheModulesCopy()
    {
        var shipped = AssemblyName.GetAssemblyName(Path.Combine(Folder, "System.Runtime.CompilerServices.Unsafe.dll"));
        var requested = new AssemblyName($"System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a");

        Assert.True(shipped.Version > requested.Version);
        Assert.Equal(Path.Combine(Folder, "System.Runtime.CompilerServices.Unsafe.dll"), new DependencyResolver(Folder).Find(requested));
    }

    [Fact]
    public void ANewerVersionThanShippedIsNotPretended()
    {
        var requested = new AssemblyName("System.Text.Json, Version=99.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51");
        Assert.Null(new DependencyResolver(Folder).Find(requested));
    }

    [Fact]
    public void AnAssemblyTheModuleDoesNotShipIsLeftToOthers() =>
        Assert.Null(new DependencyResolver(Folder).Find(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0")));

    [Fact]
    public void EveryDependencyOfTheModuleResolvesFromItsFolder()
    {
        var resolver = new DependencyResolver(Folder);
        foreach (var file in Directory.GetFiles(Folder, "*.dll"))
        {
            foreach (var reference in Assembly.LoadFile(file).GetReferencedAssemblies())
            {
                if (File.Exists(Path.Combine(Folder, reference.Name + ".dll")))
                    Assert.True(resolver.Find(reference) is not null, $"{Path.GetFileName(file)} needs {reference} but the folder holds an older one");
            }
        }
    }
}
