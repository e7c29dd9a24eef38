using BenchmarkDotNet.Attributes;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Emulator;

namespace SnapshotPS.Benchmarks;

/// <summary>
/// Listing 10,000 Outscale snapshots at the default page size (1,000) from the emulator with 20 ms
/// of latency on every request. Each page names the next, so pages come one after another: the
/// bound column is snapshots / page size x 20 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ListingBenchmarkConfig))]
public class OutscaleListingBenchmarks
{
    private EmulatorHost _emulator = null!;
    private OutscaleProvider _provider = null!;
    private int _seeded;

    [Params(10_000)]
    public int Snapshots { get; set; }

    [GlobalSetup]
    public async Task StartEmulator()
    {
        _emulator = await EmulatorHost.StartAsync();
        _emulator.Outscale.SeedSnapshots(Snapshots);
        _emulator.Faults.Add(new FaultRule { Provider = "outscale", Kind = FaultKind.Latency, Latency = ListingBounds.Latency, Times = int.MaxValue });
        _provider = new OutscaleProvider(new OutscaleConnectionSettings
        {
            Endpoint = _emulator.OutscaleEndpoint,
            AccessKey = OutscaleFake.DefaultAccessKey,
            SecretKey = SecretValue.FromPlainText(OutscaleFake.DefaultSecretKey),
            Region = OutscaleFake.DefaultRegion,
            Http = new HttpPipelineOptions(),
        }, "bench");
        await foreach (var _ in _provider.ListSnapshotsAsync(new SnapshotQuery(), CancellationToken.None)) _seeded++;
    }

    [GlobalCleanup]
    public async Task StopEmulator()
    {
        _provider.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark(Description = "Outscale: list all")]
    public async Task<int> ListAll()
    {
        var count = 0;
        await foreach (var _ in _provider.ListSnapshotsAsync(new SnapshotQuery(), CancellationToken.None)) count++;
        if (count != _seeded) throw new InvalidOperationException($"listed {count} of {_seeded} snapshots");
        return count;
    }
}
