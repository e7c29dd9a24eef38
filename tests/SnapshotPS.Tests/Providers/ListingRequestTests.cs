using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;

namespace SnapshotPS.Tests.Providers;

/// <summary>Which list requests a listing sends: page sizes, both Scaleway APIs at once, no more than -First needs.</summary>
public class ListingRequestTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ListingRequestTests(EmulatorFixture emulator) => _emulator = emulator;

    private IReadOnlyList<RecordedRequest> ListRequestsSince(int mark, string provider) =>
        _emulator.Host.Requests.Snapshot().Skip(mark).Where(r => r.Provider == provider && (r.Method == "GET" || r.Path.EndsWith("/ReadSnapshots", StringComparison.Ordinal))).ToList();

    private int Mark() => _emulator.Host.Requests.Snapshot().Count;

    private async Task<List<CloudSnapshot>> GetFirst(string zone, ulong first)
    {
        var context = new RecordingContext();
        var registry = _emulator.RegistryWithScaleway(zone: zone);
        await new GetSnapshotOperation(registry, context).ProcessAsync(new GetSnapshotRequest { Location = zone, First = first }, CancellationToken.None);
        return context.ObjectsOf<CloudSnapshot>().ToList();
    }

    [Theory]
    [InlineData(100UL, 1)]
    [InlineData(150UL, 2)]
    [InlineData(1UL, 1)]
    public async Task GetFirstSendsOnlyTheListRequestsItNeeds(ulong first, int requests)
    {
        const string zone = "pl-waw-1"; // a zone with Block Storage too, which -First does not need here
        _emulator.Scaleway.SeedInstanceSnapshots(zone, 1000 - _emulator.Scaleway.InstanceSnapshotCount(zone), "first-");
        var mark = Mark();

        var written = await GetFirst(zone, first);

        Assert.Equal((int)first, written.Count);
        var sent = ListRequestsSince(mark, "scaleway");
        Assert.Equal(requests, sent.Count);
        Assert.All(sent, r => Assert.Contains("/instance/v1/", r.Path));
    }

    [Fact]
    public async Task GetFirstAsksTheBlockStorageApiOnlyOnceTheInstanceApiRanOut()
    {
        const string zone = "pl-waw-2";
        var instance = _emulator.Scaleway.SeedInstanceSnapshots(zone, 30, "mixed-");
        var block = Enumerable.Range(0, 5).Select(i => _emulator.Scaleway.AddBlockSnapshot(zone, $"mixed-block-{i}")).ToList();
        var mark = Mark();

        var written = await GetFirst(zone, 32);

        Assert.Equal(instance.Concat(block.Take(2)), written.Select(s => s.Id));
        Assert.Equal(new[] { "/instance/v1/", "/block/v1/" }, ListRequestsSince(mark, "scaleway").Select(r => r.Path.Contains("/block/") ? "/block/v1/" : "/instance/v1/"));
    }

    [Fact]
    public async Task ScalewayIsAskedForItsLargestPagesByDefault()
    {
        const string zone = "pl-waw-3";
        _emulator.Scaleway.SeedInstanceSnapshots(zone, 250, "size-");
        var mark = Mark();
        using var provider = _emulator.ScalewayProvider(zone);

        var count = 0;
        await foreach (var _ in provider.ListSnapshotsAsync(new SnapshotQuery { Location = zone }, CancellationToken.None)) count++;

        Assert.Equal(250, count);
        var sent = ListRequestsSince(mark, "scaleway");
        Assert.Equal(3, sent.Count(r => r.Path.Contains("/instance/") && r.Query.Contains($"per_page={ScalewayProvider.MaxPerPage}")));
        Assert.Equal(1, sent.Count(r => r.Path.Contains("/block/") && r.Query.Contains($"page_size={ScalewayProvider.MaxPerPage}")));
        Assert.Equal(4, sent.Count);
    }

    [Fact]
    public async Task OutscaleIsAskedForAThousandSnapshotsAPageByDefault()
    {
        _emulator.Outscale.SeedSnapshots(1500);
        var mark = Mark();
        using var provider = _emulator.OutscaleProvider();

        var count = 0;
        await foreach (var _ in provider.ListSnapshotsAsync(new SnapshotQuery(), CancellationToken.None)) count++;

        Assert.True(count >= 1500);
        var sent = ListRequestsSince(mark, "outscale");
        Assert.Equal((count + 999) / 1000, sent.Count);
        Assert.All(sent, r => Assert.Contains("\"ResultsPerPage\":1000", r.Body));
    }

    [Fact]
    public async Task ScalewayAsksBothApisBeforeEitherAnswers()
    {
        var instanceArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blockArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const string id = "00000000-0000-4000-8000-000000000077";
        await using var stub = await StubServer.StartAsync(async (context, _) =>
        {
            // Each API answers only once the other has been asked: read one after the other, the listing would time out.
            if (context.Request.Path.Value!.Contains("/block/"))
            {
                blockArrived.TrySetResult();
                await instanceArrived.Task.WaitAsync(TimeSpan.FromSeconds(20));
                await StubServer.JsonAsync(context, """{"snapshots":[],"total_count":0}""");
                return;
            }
            instanceArrived.TrySetResult();
            await blockArrived.Task.WaitAsync(TimeSpan.FromSeconds(20));
            context.Response.Headers["X-Total-Count"] = "1";
            await StubServer.JsonAsync(context, $$"""{"snapshots":[{"id":"{{id}}","state":"available"}]}""");
        });
        using var provider = new ScalewayProvider(new ScalewayConnectionSettings
        {
            Endpoint = stub.BaseAddress,
            SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
            ProjectId = ScalewayFake.DefaultProjectId,
            Http = new HttpPipelineOptions { MaxRetries = 0 },
        }, "stub");

        var seen = new List<string>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(new SnapshotQuery { Location = "fr-par-1" }, CancellationToken.None)) seen.Add(snapshot.Id);

        Assert.Equal(new[] { id }, seen);
        Assert.Equal(2, stub.Requests);
    }
}
