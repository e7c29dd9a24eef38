namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>Where the built module lies: out/SnapshotPS under the repository root.</summary>
public static class ModuleLayout
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ModuleFolder => Path.Combine(RepositoryRoot, "out", "SnapshotPS");

    public static string ManifestPath => Path.Combine(ModuleFolder, "SnapshotPS.psd1");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SnapshotPS.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException("SnapshotPS.sln was not found above " + AppContext.BaseDirectory);
    }
}
