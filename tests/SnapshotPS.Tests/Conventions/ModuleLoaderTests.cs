using SnapshotPS.Loader;

namespace SnapshotPS.Tests.Conventions;

/// <summary>The assembly-resolve hook stays while any import of the module remains, and goes with the last one.</summary>
public class ModuleLoaderTests
{
    [Fact]
    public void TheHookIsInstalledOnImportAndRemovedWithTheLastRemoval()
    {
        var loader = new ModuleLoader();
        Assert.Equal(0, ModuleLoader.ActiveImports);
        Assert.False(ModuleLoader.IsInstalled);

        loader.OnImport();
        loader.OnImport();
        Assert.Equal(2, ModuleLoader.ActiveImports);
        Assert.True(ModuleLoader.IsInstalled);

        loader.OnRemove(null!);
        Assert.True(ModuleLoader.IsInstalled);

        loader.OnRemove(null!);
        Assert.Equal(0, ModuleLoader.ActiveImports);
        Assert.False(ModuleLoader.IsInstalled);

        loader.OnRemove(null!);
        Assert.Equal(0, ModuleLoader.ActiveImports);
    }
}
