using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Benchmarks;

/// <summary>
/// Deleting 1,000 Scaleway snapshots the way Remove-CloudSnapshot -Force -ThrottleLimit n does
/// (RemoveSnapshotOperation per item through ThrottledPipeline), against the emulator with 20 ms
/// of latency on every request. The bound with n in flight is 1,000 / n x 20 ms.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class RemoveBenchmarks
{
    private const string Zone = "fr-par-1";
    private EmulatorHost _emulator = null!;
    private ConnectionRegistry _registry = null!;
    private SnapshotConnection _connection = null!;
    private IReadOnlyList<string> _ids = [];

    [Params(1, 8, 16)]
    public int ThrottleLimit { get; set; }

    [GlobalSetup]
    public async Task StartEmulator()
    {
        _emulator = await EmulatorHost.StartAsync();
        _emulator.Faults.Add(new FaultRule { Provider = "scaleway", Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(20), Times = int.MaxValue });
        var settings = new ScalewayConnectionSettings
        {
            Endpoint = _emulator.ScalewayEndpoint,
            SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
            ProjectId = ScalewayFake.DefaultProjectId,
            Zone = Zone,
            Http = new HttpPipelineOptions(),
        };
        _registry = new ConnectionRegistry();
        _connection = new SnapshotConnection("bench", settings, ProviderFactory.Create(settings, "bench"), DateTimeOffset.Now);
        _registry.Add(_connection, makeDefault: true);
    }

    [IterationSetup]
    public void Seed() => _ids = _emulator.Scaleway.SeedInstanceSnapshots(Zone, 1000, "bench-");

    [GlobalCleanup]
    public async Task StopEmulator()
    {
        _registry.Remove(_connection.Name);
        await _emulator.DisposeAsync();
    }

    [Benchmark]
    public int Delete1000()
    {
        var context = new SilentContext();
        var pipeline = new ThrottledPipeline(ThrottleLimit, CancellationToken.None);
        foreach (var id in _ids)
        {
            pipeline.Add(ct => new RemoveSnapshotOperation(_registry, context)
                .ProcessAsync(new RemoveSnapshotRequest { Target = new SnapshotTarget { Id = id }, Force = true }, ct));
        }
        pipeline.Complete();
        if (context.Errors > 0) throw new InvalidOperationException($"{context.Errors} deletions failed.");
        return _ids.Count;
    }

    private sealed class SilentContext : ICmdletContext
    {
        public int Errors { get; private set; }
        public bool IsWhatIf => false;
        public void WriteObject(object item) { }
        public void WriteError(OperationError error) => Errors++;
        public void WriteWarning(string message) { }
        public void WriteVerbose(string message) { }
        public void WriteProgress(ProgressUpdate progress) { }
        public bool ShouldProcess(string target, string action) => true;
    }
}
