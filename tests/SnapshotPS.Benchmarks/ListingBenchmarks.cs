using BenchmarkDotNet.Attributes;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;

namespace SnapshotPS.Benchmarks;

/// <summary>
/// Listing 1,000 Scaleway snapshots, 50 a page, from the emulator with 20 ms of latency on every
/// request: pages read one after another, against pages fetched ahead four at a time.
/// </summary>
[MemoryDiagnoser]
public class ListingBenchmarks
{
    private const string Zone = "fr-par-2";
    private EmulatorHost _emulator = null!;

    [Params(1, 4)]
    public int ConcurrentPages { get; set; }

    [GlobalSetup]
    public async Task StartEmulator()
    {
        _emulator = await EmulatorHost.StartAsync();
        _emulator.Scaleway.SeedInstanceSnapshots(Zone, 1000, "bench-");
        _emulator.Faults.Add(new FaultRule { Provider = "scaleway", Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(20), Times = int.MaxValue });
    }

    [GlobalCleanup]
    public async Task StopEmulator() => await _emulator.DisposeAsync();

    [Benchmark]
    public async Task<int> ListAll()
    {
        using var provider = new ScalewayProvider(new ScalewayConnectionSettings
        {
            Endpoint = _emulator.ScalewayEndpoint,
            SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
            ProjectId = ScalewayFake.DefaultProjectId,
            Zone = Zone,
            ConcurrentPages = ConcurrentPages,
            Http = new HttpPipelineOptions(),
        }, "bench");
        var count = 0;
        await foreach (var _ in provider.ListSnapshotsAsync(new SnapshotQuery { PageSize = 50 }, CancellationToken.None)) count++;
        return count;
    }
}
