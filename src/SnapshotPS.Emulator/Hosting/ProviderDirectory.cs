namespace SnapshotPS.Emulator.Hosting;

internal sealed class ProviderDirectory(IReadOnlyList<IProviderFake> providers)
{
    public const string AdminPrefix = "/_emulator";
    public const string AdminName = "_emulator";

    public IReadOnlyList<IProviderFake> All { get; } = providers;

    public IProviderFake? Resolve(PathString path)
    {
        foreach (var provider in All)
        {
            if (path.StartsWithSegments("/" + provider.Name, StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        return null;
    }

    /// <summary>The name a request is logged under: a provider, the admin surface, or "" for anything else.</summary>
    public string NameFor(PathString path)
    {
        if (Resolve(path) is { } provider)
        {
            return provider.Name;
        }

        return path.StartsWithSegments(AdminPrefix, StringComparison.OrdinalIgnoreCase) ? AdminName : "";
    }
}
