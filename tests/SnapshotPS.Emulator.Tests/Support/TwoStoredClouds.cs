namespace SnapshotPS.Emulator.Tests.Support;

/// <summary>
/// Two emulators, each writing exports to and reading imports from its own s3rver: two accounts with two
/// stores, for the object-storage tests of every test project (linked into them).
/// </summary>
public class TwoStoredClouds : IAsyncLifetime
{
    public S3rverFixture StoreA { get; } = new();
    public S3rverFixture StoreB { get; } = new();
    public EmulatorHost CloudA { get; private set; } = null!;
    public EmulatorHost CloudB { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await Task.WhenAll(StoreA.InitializeAsync(), StoreB.InitializeAsync());
        CloudA = await EmulatorHost.StartAsync(WithStore(StoreA));
        CloudB = await EmulatorHost.StartAsync(WithStore(StoreB));
    }

    public virtual async Task DisposeAsync()
    {
        await CloudA.DisposeAsync();
        await CloudB.DisposeAsync();
        await StoreA.DisposeAsync();
        await StoreB.DisposeAsync();
    }

    private static EmulatorOptions WithStore(S3rverFixture store)
    {
        var options = EmulatorOptions.Instant();
        options.ObjectStorage = store.Options;
        return options;
    }
}
