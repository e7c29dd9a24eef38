using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.CloudMC;
using SnapshotPS.Emulator;
using static SnapshotPS.Tests.Providers.CloudMC.CloudMCTestSupport;

namespace SnapshotPS.Tests.Providers.CloudMC;

/// <summary>Lost answers, retries and a listing under injected faults; tracing without the API key.</summary>
[Collection("faults")]
public sealed class CloudMCFaultTests : EmulatorFaultTests
{
    public CloudMCFaultTests(EmulatorFixture emulator) : base(emulator) => Reset(emulator);

    private CloudMCFake Fake => Emulator.Host.CloudMC;

    private void Inject(FaultKind kind, string method, string path, int status = 503, bool afterRun = false, int times = 1, double probability = 1, int? seed = null) =>
        Emulator.Host.Faults.Add(new FaultRule
        {
            Provider = "cloudmc", Method = method, PathContains = path, Kind = kind, StatusCode = status, AfterRun = afterRun,
            Times = times, Probability = probability, Seed = seed,
        });

    [Theory]
    [InlineData(FaultKind.Status)]
    [InlineData(FaultKind.DropConnection)]
    public async Task A_create_whose_answer_is_lost_is_not_sent_again_and_is_found_by_its_name(FaultKind kind)
    {
        var (environment, volume) = NewEnvironment(Emulator);
        using var provider = new CloudMCProvider(Settings(Emulator, environment), "cloudmc");
        Inject(kind, "POST", $"/{environment}/snapshots", 504, afterRun: true);

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "lost-answer" }, CancellationToken.None);

        Assert.Equal("lost-answer", created.Name);
        Assert.Equal(1, Requests(Emulator, "POST", $"/{environment}/snapshots"));
        Assert.Equal(1, Fake.SnapshotCount(environment));
    }

    [Fact]
    public async Task A_create_refused_with_429_is_sent_again_and_made_once()
    {
        var (environment, volume) = NewEnvironment(Emulator);
        using var provider = new CloudMCProvider(Settings(Emulator, environment), "cloudmc");
        Inject(FaultKind.Status, "POST", $"/{environment}/snapshots", 429);

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "throttled" }, CancellationToken.None);

        Assert.Equal("throttled", created.Name);
        Assert.Equal(2, Requests(Emulator, "POST", $"/{environment}/snapshots"));
        Assert.Equal(1, Fake.SnapshotCount(environment));
    }

    [Fact]
    public async Task A_create_that_failed_before_the_cloud_acted_says_no_snapshot_was_made()
    {
        var (environment, volume) = NewEnvironment(Emulator);
        using var provider = new CloudMCProvider(Settings(Emulator, environment), "cloudmc");
        Inject(FaultKind.Status, "POST", $"/{environment}/snapshots", 500);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "never" }, CancellationToken.None));

        Assert.Equal(CloudErrorKind.ServerError, failure.Kind);
        Assert.Contains("No snapshot was created", failure.Message);
        Assert.Equal(0, Fake.SnapshotCount(environment));
    }

    [Fact]
    public async Task A_delete_whose_answer_is_lost_succeeds_when_the_retry_finds_it_gone()
    {
        var (environment, volume) = NewEnvironment(Emulator);
        var id = Fake.SeedSnapshots(volume, 1, "gone-")[0];
        using var provider = new CloudMCProvider(Settings(Emulator, environment), "cloudmc");
        Inject(FaultKind.Status, "DELETE", id, 504, afterRun: true);

        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(0, Fake.SnapshotCount(environment));
        Assert.Equal(2, Requests(Emulator, "DELETE", id));
    }

    [Fact]
    public async Task A_listing_of_many_pages_under_random_503s_drops_and_cut_bodies_is_complete()
    {
        var (environment, volume) = NewEnvironment(Emulator);
        var ids = Fake.SeedSnapshots(volume, 1500, "soak-");
        using var provider = new CloudMCProvider(Settings(Emulator, environment, maxRetries: 10), "cloudmc");
        Inject(FaultKind.Status, "GET", $"/{environment}/snapshots", 503, times: 4, probability: 0.3, seed: 11);
        Inject(FaultKind.DropConnection, "GET", $"/{environment}/snapshots", times: 3, probability: 0.3, seed: 12);
        Inject(FaultKind.TruncatedBody, "GET", $"/{environment}/snapshots", times: 3, probability: 0.3, seed: 13);

        var listed = new List<string>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(new SnapshotQuery { PageSize = 100 }, CancellationToken.None)) listed.Add(snapshot.Id);

        Assert.Equal(ids, listed);
        Assert.True(Emulator.Host.Faults.Hits.Count > 0);
    }

    [Fact]
    public async Task Tracing_names_each_call_but_never_the_api_key()
    {
        var (environment, volume) = NewEnvironment(Emulator);
        var lines = new List<string>();
        using var provider = new CloudMCProvider(Settings(Emulator, environment), "cloudmc");
        Inject(FaultKind.Status, "GET", $"/{environment}/snapshots", 503);
        using (Core.Http.HttpTrace.Use(l => { lock (lines) lines.Add(l); }))
        {
            var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "traced" }, CancellationToken.None);
            await provider.DeleteSnapshotAsync(new SnapshotLocator(created.Id), CancellationToken.None);
        }

        Assert.Contains(lines, l => l.Contains($"/cloudmc/api/v2/services/compute-on/{environment}/snapshots?operation=create -> 200"));
        Assert.Contains(lines, l => l.Contains("-> 503"));
        Assert.DoesNotContain(lines, l => l.Contains(CloudMCFake.DefaultApiKey));
        Assert.DoesNotContain(Emulator.Host.Requests.Snapshot(), r => (r.Body ?? "").Contains(CloudMCFake.DefaultApiKey) || r.Query.Contains(CloudMCFake.DefaultApiKey));
    }
}
