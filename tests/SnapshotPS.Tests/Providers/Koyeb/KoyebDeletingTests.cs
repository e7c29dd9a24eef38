using SnapshotPS.Core.Model;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers.Koyeb;

/// <summary>Against a fake whose deletions take a while: a second delete succeeds, a rename is a 400 with the error's fields.</summary>
public sealed class KoyebDeletingTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { KoyebTimings = new KoyebTimings { DeleteDelay = TimeSpan.FromMinutes(10) } });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DeletingASnapshotThatIsAlreadyDeletingSucceeds()
    {
        var id = _host.Koyeb.SeedSnapshots(1)[0];
        using var provider = _host.KoyebProvider();

        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);
        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(2, _host.KoyebRequests("DELETE", id));
        Assert.Equal(SnapshotState.Deleting, (await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None)).State);
    }

    [Fact]
    public async Task RenamingASnapshotBeingDeletedIsAnInvalidArgumentWithKoyebsMessage()
    {
        var id = _host.Koyeb.SeedSnapshots(1)[0];
        using var provider = _host.KoyebProvider();
        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(id)) { Name = "late" }, CancellationToken.None));

        Assert.Equal(CloudErrorKind.InvalidArgument, failure.Kind);
        Assert.Equal(400, failure.StatusCode);
        Assert.Equal("invalid_argument", failure.ErrorCode);
        Assert.Contains("Snapshot is being deleted", failure.Message);
    }
}
