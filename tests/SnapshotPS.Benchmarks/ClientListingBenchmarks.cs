using System.Net;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;

namespace SnapshotPS.Benchmarks;

/// <summary>
/// The module alone: listing 10,000 Scaleway snapshots whose pages (recorded once from the
/// emulator) are answered in memory, without a server: at once, and after 20 ms as a cloud would,
/// which shows whether the pages in flight reach the bound when no fake shares the CPU. What it
/// allocates is what the module allocates per snapshot: the emulator benchmarks count the
/// in-process emulator too.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ClientListingBenchmarks
{
    private const string Zone = "fr-par-2";
    private static readonly Regex PageNumber = new(@"[?&]page=(\d+)", RegexOptions.Compiled);
    private readonly Dictionary<int, byte[]> _pages = new();
    private ScalewayProvider _provider = null!;

    [Params(10_000)]
    public int Snapshots { get; set; }

    [Params(0, 20)]
    public int LatencyMs { get; set; }

    [GlobalSetup]
    public async Task RecordPages()
    {
        await using (var emulator = await EmulatorHost.StartAsync())
        {
            emulator.Scaleway.SeedInstanceSnapshots(Zone, Snapshots, "bench-");
            using var http = new HttpClient();
            http.DefaultRequestHeaders.Add("X-Auth-Token", ScalewayFake.DefaultSecretKey);
            for (var page = 1; page <= (Snapshots + ScalewayProvider.MaxPerPage - 1) / ScalewayProvider.MaxPerPage; page++)
            {
                _pages[page] = await http.GetByteArrayAsync(
                    $"{emulator.ScalewayEndpoint}/instance/v1/zones/{Zone}/snapshots?page={page}&per_page={ScalewayProvider.MaxPerPage}&project={ScalewayFake.DefaultProjectId}");
            }
        }
        _provider = new ScalewayProvider(new ScalewayConnectionSettings
        {
            Endpoint = new Uri("https://api.scaleway.invalid"),
            SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
            ProjectId = ScalewayFake.DefaultProjectId,
            Zone = Zone,
            Http = new HttpPipelineOptions(),
        }, "bench", new RecordedPages(_pages, Snapshots, TimeSpan.FromMilliseconds(LatencyMs)));
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Description = "Scaleway: list all, pages in memory")]
    public async Task<int> ListAll()
    {
        var count = 0;
        await foreach (var _ in _provider.ListSnapshotsAsync(new SnapshotQuery(), CancellationToken.None)) count++;
        if (count != Snapshots) throw new InvalidOperationException($"listed {count} of {Snapshots} snapshots");
        return count;
    }

    private sealed class RecordedPages(Dictionary<int, byte[]> pages, int total, TimeSpan latency) : HttpMessageHandler
    {
        private static readonly byte[] NoBlockSnapshots = """{"snapshots":[],"total_count":0}"""u8.ToArray();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (latency > TimeSpan.Zero) await Task.Delay(latency, cancellationToken);
            else await Task.Yield();
            var uri = request.RequestUri!.ToString();
            var block = uri.Contains("/block/", StringComparison.Ordinal);
            var page = int.Parse(PageNumber.Match(uri).Groups[1].Value);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(block ? NoBlockSnapshots : pages[page]) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            if (!block) response.Headers.Add("X-Total-Count", total.ToString());
            return response;
        }
    }
}
