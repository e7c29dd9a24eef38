using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;

namespace SnapshotPS.Tests.Operations;

/// <summary>Connect-SnapshotProvider -ConcurrentPages: how many pages a connection's listings read at once.</summary>
public class ConcurrentPagesTests
{
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();

    private void Connect(int? concurrentPages, Uri? endpoint = null) => new ConnectProviderOperation(_registry, _context).Process(new ConnectProviderRequest
    {
        Provider = CloudProvider.Scaleway,
        Endpoint = endpoint,
        SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
        ProjectId = ScalewayFake.DefaultProjectId,
        Zone = "fr-par-1",
        ConcurrentPages = concurrentPages,
    });

    [Theory]
    [InlineData(null, 16)]
    [InlineData(1, 1)]
    [InlineData(4, 4)]
    public async Task TheConnectionsListingsKeepThePagesInFlightItWasGiven(int? given, int expected)
    {
        var inFlight = 0;
        var maxInFlight = 0;
        var held = 0;
        var allHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var stub = await StubServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Path.Value!.Contains("/block/"))
            {
                await StubServer.JsonAsync(context, """{"snapshots":[],"total_count":0}""");
                return;
            }
            var page = int.Parse(context.Request.Query["page"]!);
            var now = Interlocked.Increment(ref inFlight);
            lock (allHeld) maxInFlight = Math.Max(maxInFlight, now);
            // The first pages after the first are held until as many as expected are in flight together.
            if (page > 1 && Interlocked.Increment(ref held) <= expected)
            {
                if (held >= expected) allHeld.TrySetResult();
                await allHeld.Task.WaitAsync(TimeSpan.FromSeconds(20));
            }
            Interlocked.Decrement(ref inFlight);
            var ids = Enumerable.Range((page - 1) * 100, 100).Select(i => $"{{\"id\":\"00000000-0000-4000-8000-{i:D12}\",\"state\":\"available\"}}");
            context.Response.Headers["X-Total-Count"] = "2000";
            await StubServer.JsonAsync(context, "{\"snapshots\":[" + string.Join(",", ids) + "]}");
        });
        Connect(given, stub.BaseAddress);
        Assert.Empty(_context.Errors);

        var count = 0;
        await foreach (var _ in _registry.Resolve(null).GetClient().ListSnapshotsAsync(new SnapshotQuery(), CancellationToken.None)) count++;

        Assert.Equal(2000, count);
        Assert.Equal(expected, maxInFlight);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void PagesInFlightOutOfRangeAreRefusedWithoutAConnection(int given)
    {
        Connect(given);

        var error = Assert.Single(_context.Errors);
        Assert.Contains("ConcurrentPages", error.Exception.Message);
        Assert.Empty(_registry.All());
    }
}
