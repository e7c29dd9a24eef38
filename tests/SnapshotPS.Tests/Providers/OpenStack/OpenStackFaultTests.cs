using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.OpenStack;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>The OpenStack client under the emulator's injected faults: drops, cut-off bodies, 429 and the rate limiter's 413.</summary>
public sealed class OpenStackFaultTests : IClassFixture<OpenStackEmulatorFixture>, IDisposable
{
    private readonly OpenStackEmulatorFixture _emulator;

    public OpenStackFaultTests(OpenStackEmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Host.Faults.Clear();
    }

    public void Dispose() => _emulator.Host.Faults.Clear();

    private void Inject(FaultKind kind, string method, string path, int status = 503, string? errorCode = null, TimeSpan? retryAfter = null,
        int times = 1, double probability = 1, bool afterRun = false) =>
        _emulator.Host.Faults.Add(new FaultRule
        {
            Provider = "openstack", Method = method, PathContains = path, Kind = kind, StatusCode = status, ErrorCode = errorCode,
            RetryAfter = retryAfter, Times = times, Probability = probability, Seed = 7, AfterRun = afterRun,
        });

    private async Task<List<CloudSnapshot>> ListAsync(OpenStackProvider provider, string volume)
    {
        var found = new List<CloudSnapshot>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(new SnapshotQuery { VolumeId = volume, PageSize = 100 }, CancellationToken.None)) found.Add(snapshot);
        return found;
    }

    [Fact]
    public async Task A_listing_of_1500_snapshots_is_complete_and_without_duplicates_under_dropped_connections_and_cut_off_pages()
    {
        var volume = _emulator.Fake.AddVolume(name: "faulty");
        var seeded = _emulator.Fake.SeedSnapshots(volume, 1_500, "faulty-");
        using var provider = _emulator.Provider();
        await provider.Session.GetAsync(CancellationToken.None);
        // Three faults at most in all, so that even one page hit by every one of them is read on its fourth attempt (MaxRetries 3).
        Inject(FaultKind.DropConnection, "GET", "/snapshots/detail", times: 2, probability: 0.3);
        Inject(FaultKind.TruncatedBody, "GET", "/snapshots/detail", times: 1, probability: 0.3);

        var listed = await ListAsync(provider, volume);

        Assert.Equal(seeded.Order(), listed.Select(s => s.Id).Order());
        Assert.NotEmpty(_emulator.Host.Faults.Hits);
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out()
    {
        var volume = _emulator.Fake.AddVolume(name: "throttled");
        var seeded = _emulator.Fake.SeedSnapshots(volume, 3, "throttled-");
        using var provider = _emulator.Provider();
        await provider.Session.GetAsync(CancellationToken.None);
        Inject(FaultKind.Status, "GET", "/snapshots/detail", 429, retryAfter: TimeSpan.FromSeconds(1));

        Assert.Equal(3, (await ListAsync(provider, volume)).Count);
        Assert.Single(_emulator.Host.Faults.Hits);
    }

    [Fact]
    public async Task The_rate_limiters_413_on_a_create_is_retried_and_one_snapshot_is_made()
    {
        var volume = _emulator.Fake.AddVolume(name: "rate-limited");
        using var provider = _emulator.Provider();
        await provider.Session.GetAsync(CancellationToken.None);
        Inject(FaultKind.Status, "POST", "/snapshots", 413, errorCode: "overLimitFault", retryAfter: TimeSpan.FromSeconds(1));

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "after-wait" }, CancellationToken.None);

        Assert.Equal("after-wait", created.Name);
        Assert.Single(await ListAsync(provider, volume));
    }

    [Fact]
    public async Task A_quota_413_injected_on_a_create_is_final()
    {
        var volume = _emulator.Fake.AddVolume(name: "over-quota");
        using var provider = _emulator.Provider();
        _emulator.Fake.SetQuota(OpenStackFake.DemoProjectId, snapshots: 0, gigabytes: -1);
        try
        {
            var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None));

            Assert.Equal((CloudErrorKind.QuotaExceeded, 413, "overLimit"), (failure.Kind, failure.StatusCode, failure.ErrorCode));
            Assert.Equal(1, _emulator.Host.Requests.Snapshot().Count(r => r.Method == "POST" && r.Path.EndsWith("/snapshots", StringComparison.Ordinal) && r.Body!.Contains(volume)));
        }
        finally
        {
            _emulator.Fake.SetQuota(OpenStackFake.DemoProjectId, snapshots: -1, gigabytes: -1);
        }
    }

    [Fact]
    public async Task A_create_whose_answer_is_cut_off_is_found_by_its_marker_and_not_made_twice()
    {
        var volume = _emulator.Fake.AddVolume(name: "lost-answer");
        using var provider = _emulator.Provider();
        await provider.Session.GetAsync(CancellationToken.None);
        Inject(FaultKind.TruncatedBody, "POST", "/snapshots", afterRun: true);

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "once" }, CancellationToken.None);

        var all = await ListAsync(provider, volume);
        Assert.Equal(created.Id, Assert.Single(all).Id);
    }

    [Fact]
    public async Task A_delete_whose_answer_is_lost_succeeds_when_the_retry_finds_it_gone()
    {
        var volume = _emulator.Fake.AddVolume(name: "lost-delete");
        var id = _emulator.Fake.SeedSnapshots(volume, 1, "lost-delete-").Single();
        using var provider = _emulator.Provider();
        await provider.Session.GetAsync(CancellationToken.None);
        Inject(FaultKind.DropConnection, "DELETE", id, afterRun: true);

        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Null(_emulator.Fake.SnapshotStatus(id));
    }

    [Fact]
    public async Task A_dropped_login_is_sent_again()
    {
        using var provider = _emulator.Provider();
        Inject(FaultKind.DropConnection, "POST", "/auth/tokens");

        var login = await provider.Session.GetAsync(CancellationToken.None);

        Assert.Equal(OpenStackFake.DemoProjectId, login.ProjectId);
        Assert.Single(_emulator.Host.Faults.Hits);
    }
}
