using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;

namespace SnapshotPS.Benchmarks;

/// <summary>
/// Listing Scaleway snapshots (Instance and Block Storage APIs, default page size and pages in
/// flight) from the emulator with 20 ms of latency on every request. The bound column is what 16
/// pages in flight allow: snapshots / page size / 16 x 20 ms. Time to the first object is printed
/// to the log at the end of each case (the median of every run).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ListingBenchmarkConfig))]
public class ListingBenchmarks
{
    private const string Zone = "fr-par-2";
    private readonly List<double> _firstObjectMs = new();
    private EmulatorHost _emulator = null!;
    private ScalewayProvider _provider = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Snapshots { get; set; }

    [GlobalSetup]
    public async Task StartEmulator()
    {
        _emulator = await EmulatorHost.StartAsync();
        _emulator.Scaleway.SeedInstanceSnapshots(Zone, Snapshots, "bench-");
        _emulator.Faults.Add(new FaultRule { Provider = "scaleway", Kind = FaultKind.Latency, Latency = ListingBounds.Latency, Times = int.MaxValue });
        _provider = new ScalewayProvider(new ScalewayConnectionSettings
        {
            Endpoint = _emulator.ScalewayEndpoint,
            SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
            ProjectId = ScalewayFake.DefaultProjectId,
            Zone = Zone,
            Http = new HttpPipelineOptions(),
        }, "bench");
    }

    [GlobalCleanup]
    public async Task StopEmulator()
    {
        _firstObjectMs.Sort();
        if (_firstObjectMs.Count > 0)
        {
            Console.WriteLine($"// Scaleway {Snapshots}: time to first object, median {_firstObjectMs[_firstObjectMs.Count / 2]:F1} ms " +
                $"(min {_firstObjectMs[0]:F1}, max {_firstObjectMs[^1]:F1}) over {_firstObjectMs.Count} runs; " +
                $"{_emulator.Requests.Snapshot().Count(r => r.Method == "GET")} list requests recorded (the log keeps the last 10,000)");
        }
        _provider.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark(Description = "Scaleway: list all")]
    public async Task<int> ListAll()
    {
        var clock = Stopwatch.StartNew();
        var count = 0;
        await foreach (var _ in _provider.ListSnapshotsAsync(new SnapshotQuery(), CancellationToken.None))
        {
            if (count++ == 0) _firstObjectMs.Add(clock.Elapsed.TotalMilliseconds);
        }
        if (count != Snapshots) throw new InvalidOperationException($"listed {count} of {Snapshots} snapshots");
        return count;
    }
}
