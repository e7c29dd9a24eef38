namespace SnapshotPS.Tests.Conventions;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SnapshotPS.sln"))) return dir.FullName;
        throw new InvalidOperationException("SnapshotPS.sln not found above " + AppContext.BaseDirectory);
    }
}
