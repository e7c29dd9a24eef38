using System.Text.Json;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers;

/// <summary>Creates happen once and are reported as made; deletes whose answer was lost are not reported as failures.</summary>
[Collection("faults")]
public class LostAnswerTests(EmulatorFixture emulator) : EmulatorFaultTests(emulator)
{
    private OutscaleProvider Outscale(LosingTransport wire) => new(Emulator.OutscaleSettings(), "outscale", wire);

    private ScalewayProvider Scaleway(string zone, LosingTransport wire) => new(Emulator.ScalewaySettings(zone), "scaleway", wire);

    private List<string?> ClientTokensSent(string operation) =>
        Emulator.Host.Requests.Snapshot()
            .Where(r => r.Provider == "outscale" && r.Path.EndsWith("/" + operation, StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body!).RootElement.TryGetProperty("ClientToken", out var token) ? token.GetString() : null)
            .ToList();

    private int CountOutscale(string volume)
    {
        using var provider = Emulator.OutscaleProvider();
        return provider.ListSnapshotsAsync(new SnapshotQuery { VolumeId = volume }, CancellationToken.None).ToBlockingEnumerable().Count();
    }

    [Fact]
    public async Task AnOutscaleCreateWhoseAnswerWasLostIsSentAgainWithTheSameTokenAndMadeOnce()
    {
        var volume = Emulator.Outscale.AddVolume(1);
        using var provider = Outscale(LosingTransport.For("POST", "/CreateSnapshot"));
        var sentBefore = ClientTokensSent("CreateSnapshot").Count;

        var made = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "lost-once" }, CancellationToken.None);

        Assert.Equal(volume, made.VolumeId);
        Assert.Equal("lost-once", made.Name);
        Assert.Equal(1, CountOutscale(volume));
        var tokens = ClientTokensSent("CreateSnapshot").Skip(sentBefore).ToList();
        Assert.Equal(2, tokens.Count);
        Assert.NotNull(tokens[0]);
        Assert.Equal(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task EveryOutscaleCreateAndCopyCarriesAClientToken()
    {
        var volume = Emulator.Outscale.AddVolume(1);
        using var provider = Emulator.OutscaleProvider();
        var sentBefore = ClientTokensSent("CreateSnapshot").Count;

        var made = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);
        await provider.CopySnapshotAsync(new CopySnapshotRequest(new SnapshotLocator(Emulator.Outscale.SeedSnapshots(1)[0])), CancellationToken.None);

        var tokens = ClientTokensSent("CreateSnapshot").Skip(sentBefore).ToList();
        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.False(string.IsNullOrEmpty(t)));
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.NotNull(made.Id);
    }

    [Fact]
    public async Task AnOutscaleCreateRunTwiceWithOneClientTokenMakesOneSnapshot()
    {
        var volume = Emulator.Outscale.AddVolume(1);
        using var provider = Emulator.OutscaleProvider();
        var request = new CreateSnapshotRequest { VolumeId = volume, ClientToken = "nightly-" + Guid.NewGuid().ToString("N")[..8] };

        var first = await provider.CreateSnapshotAsync(request, CancellationToken.None);
        var second = await provider.CreateSnapshotAsync(request, CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, CountOutscale(volume));
    }

    [Fact]
    public async Task AnOutscaleClientTokenUsedAgainWithOtherParametersIsRefusedByTheCloud()
    {
        var token = "reuse-" + Guid.NewGuid().ToString("N")[..8];
        var first = Emulator.Outscale.AddVolume(1);
        var other = Emulator.Outscale.AddVolume(1);
        using var provider = Emulator.OutscaleProvider();
        await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = first, ClientToken = token }, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = other, ClientToken = token }, CancellationToken.None));

        Assert.Equal(CloudErrorKind.InvalidArgument, refused.Kind);
        Assert.Equal("3002", refused.ErrorCode);
        Assert.Contains(token, refused.Message);
        Assert.Equal(0, CountOutscale(other));
    }

    [Fact]
    public async Task AnOutscaleCreateStoppedAfterTheCloudActedReportsTheSnapshotItMade()
    {
        var volume = Emulator.Outscale.AddVolume(1);
        using var stop = new CancellationTokenSource();
        using var provider = Outscale(new LosingTransport(r => r.RequestUri!.AbsolutePath.EndsWith("/CreateSnapshot")) { CancelInstead = stop });

        var interrupted = await Assert.ThrowsAsync<SnapshotCreateInterruptedException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, stop.Token));

        Assert.NotNull(interrupted.Snapshot);
        Assert.Equal(volume, interrupted.Snapshot!.VolumeId);
        Assert.Contains(interrupted.Snapshot.Id, interrupted.Message);
        Assert.Equal(1, CountOutscale(volume));
    }

    [Fact]
    public async Task AnOutscaleDeleteWhoseAnswerWasLostAndWhoseRetryFindsItGoneSucceeds()
    {
        var id = Emulator.Outscale.SeedSnapshots(1)[0];
        var wire = LosingTransport.For("POST", "/DeleteSnapshot");
        using var provider = Outscale(wire);

        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(1, wire.Lost);
        Assert.False(Emulator.Outscale.SnapshotExists(id));
    }

    [Fact]
    public async Task AnOutscaleDeleteOfASnapshotThatNeverExistedIsStillNotFound()
    {
        using var provider = Emulator.OutscaleProvider();

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.DeleteSnapshotAsync(new SnapshotLocator("snap-0badf00d"), CancellationToken.None));

        Assert.Equal(CloudErrorKind.NotFound, failure.Kind);
    }

    [Fact]
    public async Task AScalewayCreateWhoseAnswerWasLostIsFoundAndWrittenNotSentAgain()
    {
        var volume = Emulator.Scaleway.AddInstanceVolume("fr-par-3", "v", 1_000_000_000);
        using var provider = Scaleway("fr-par-3", LosingTransport.For("POST", "/instance/v1/zones/fr-par-3/snapshots"));
        var before = Emulator.Scaleway.InstanceSnapshotCount("fr-par-3");
        var posts = Emulator.ScalewayRequests("POST", "/instance/v1/zones/fr-par-3/snapshots");

        var made = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "lost", Tags = new Dictionary<string, string> { ["env"] = "prod" } }, CancellationToken.None);

        Assert.Equal(volume, made.VolumeId);
        Assert.Equal("lost", made.Name);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod" }, made.Tags);
        Assert.Equal(before + 1, Emulator.Scaleway.InstanceSnapshotCount("fr-par-3"));
        Assert.Equal(posts + 1, Emulator.ScalewayRequests("POST", "/instance/v1/zones/fr-par-3/snapshots"));
    }

    [Fact]
    public async Task AScalewayBlockCreateWhoseAnswerWasLostIsFoundToo()
    {
        var volume = Emulator.Scaleway.AddBlockVolume("fr-par-1", "b", 5_000_000_000);
        using var provider = Scaleway("fr-par-1", LosingTransport.For("POST", "/block/v1/zones/fr-par-1/snapshots"));
        var before = Emulator.Scaleway.BlockSnapshotCount("fr-par-1");

        var made = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);

        Assert.Equal(volume, made.VolumeId);
        Assert.Equal(before + 1, Emulator.Scaleway.BlockSnapshotCount("fr-par-1"));
    }

    [Fact]
    public async Task AScalewayCreateLostWhoseLookupFailsSaysItMayExistAndHowToFindIt()
    {
        var volume = Emulator.Scaleway.AddInstanceVolume("nl-ams-2", "v", 1_000_000_000);
        using var provider = Scaleway("nl-ams-2", LosingTransport.For("POST", "/instance/v1/zones/nl-ams-2/snapshots"));
        Emulator.Host.Faults.Add(new FaultRule { Provider = "scaleway", Method = "GET", PathContains = "/instance/v1/zones/nl-ams-2/snapshots", Kind = FaultKind.Status, StatusCode = 500, Times = int.MaxValue });

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None));

        Assert.True(failure.MayHaveSucceeded);
        Assert.Contains("may have been created", failure.Message);
        Assert.Contains("Get-CloudSnapshot -VolumeId " + volume, failure.Message);
    }

    [Fact]
    public async Task AScalewayCreateRunTwiceWithOneClientTokenMakesOneSnapshot()
    {
        var volume = Emulator.Scaleway.AddInstanceVolume("pl-waw-1", "v", 1_000_000_000);
        using var provider = Emulator.ScalewayProvider("pl-waw-1");
        var before = Emulator.Scaleway.InstanceSnapshotCount("pl-waw-1");
        var request = new CreateSnapshotRequest { VolumeId = volume, ClientToken = "run-" + Guid.NewGuid().ToString("N")[..8] };

        var first = await provider.CreateSnapshotAsync(request, CancellationToken.None);
        var second = await provider.CreateSnapshotAsync(request, CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(before + 1, Emulator.Scaleway.InstanceSnapshotCount("pl-waw-1"));
        Assert.Empty(second.Tags);
    }

    [Fact]
    public async Task AScalewayDeleteWhoseAnswerWasLostAndWhoseRetryFindsItGoneSucceeds()
    {
        var id = Emulator.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "lost-delete-")[0];
        var wire = LosingTransport.For("DELETE", id);
        using var provider = Scaleway("fr-par-1", wire);

        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(1, wire.Lost);
        await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None));
    }
}
