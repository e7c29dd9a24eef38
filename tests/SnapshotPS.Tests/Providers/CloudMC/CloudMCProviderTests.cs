using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.CloudMC;
using SnapshotPS.Emulator;
using static SnapshotPS.Tests.Providers.CloudMC.CloudMCTestSupport;

namespace SnapshotPS.Tests.Providers.CloudMC;

/// <summary>The CloudMC client against the fake over loopback: every operation, paging, tasks.</summary>
public sealed class CloudMCProviderTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public CloudMCProviderTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        Reset(emulator);
    }

    private CloudMCFake Fake => _emulator.Host.CloudMC;

    private static async Task<List<CloudSnapshot>> ListAsync(CloudMCProvider provider, SnapshotQuery? query = null)
    {
        var all = new List<CloudSnapshot>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(query ?? new SnapshotQuery(), CancellationToken.None)) all.Add(snapshot);
        return all;
    }

    [Fact]
    public async Task A_listing_of_1234_snapshots_reads_every_page_once_and_hands_each_on_once_in_order()
    {
        var (environment, volume) = NewEnvironment(_emulator);
        var ids = Fake.SeedSnapshots(volume, 1234, "many-");
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");

        var listed = await ListAsync(provider, new SnapshotQuery { PageSize = 100 });

        Assert.Equal(ids, listed.Select(s => s.Id));
        Assert.Equal(13, Requests(_emulator, "GET", $"/{environment}/snapshots", "page_size=100"));
    }

    [Fact]
    public async Task Snapshots_are_normalized_with_the_raw_state_kept()
    {
        var (environment, volume) = NewEnvironment(_emulator);
        var id = Fake.SeedSnapshots(volume, 1, "norm-")[0];
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "mc");

        var snapshot = await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(CloudProvider.CloudMC, snapshot.Provider);
        Assert.Equal("mc", snapshot.Connection);
        Assert.Equal("norm-001", snapshot.Name);
        Assert.Equal(volume, snapshot.VolumeId);
        Assert.Equal(SnapshotState.Available, snapshot.State);
        Assert.Equal("BackedUp", snapshot.ProviderState);
        Assert.Equal(environment, snapshot.Location);
        Assert.Equal("MANUAL", snapshot.SnapshotType);
    }

    [Theory]
    [InlineData("BackedUp", SnapshotState.Available)]
    [InlineData("Allocated", SnapshotState.Pending)]
    [InlineData("Creating", SnapshotState.Pending)]
    [InlineData("CreatedOnPrimary", SnapshotState.Pending)]
    [InlineData("BackingUp", SnapshotState.Pending)]
    [InlineData("Copying", SnapshotState.Pending)]
    [InlineData("Destroying", SnapshotState.Deleting)]
    [InlineData("Destroyed", SnapshotState.Deleted)]
    [InlineData("Error", SnapshotState.Error)]
    [InlineData("Hibernating", SnapshotState.Unknown)]
    public void CloudStack_states_map_to_the_common_states(string state, SnapshotState expected) =>
        Assert.Equal(expected, CloudMCMapping.StateOf(state));

    [Fact]
    public async Task The_volume_filter_is_sent_and_ids_are_read_one_by_one()
    {
        var (environment, volume) = NewEnvironment(_emulator);
        var other = Fake.AddVolume(environment, "OTHER");
        Fake.SeedSnapshots(volume, 3, "mine-");
        var others = Fake.SeedSnapshots(other, 2, "other-");
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");

        var byVolume = await ListAsync(provider, new SnapshotQuery { VolumeId = other });
        var byId = await ListAsync(provider, new SnapshotQuery { Ids = [others[1], Guid.NewGuid().ToString()] });

        Assert.Equal(others, byVolume.Select(s => s.Id));
        Assert.Equal(1, Requests(_emulator, "GET", $"/{environment}/snapshots", "volume_id=" + other));
        Assert.Equal([others[1]], byId.Select(s => s.Id));
    }

    [Fact]
    public async Task An_unknown_id_is_NotFound_with_the_cloudmc_code_in_either_error_shape()
    {
        var (environment, _) = NewEnvironment(_emulator);
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");
        var locator = new SnapshotLocator(Guid.NewGuid().ToString());

        var numeric = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(locator, CancellationToken.None));
        Fake.Dialect.NumericErrorCodes = false;
        var named = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(locator, CancellationToken.None));

        Assert.Equal((CloudErrorKind.NotFound, 404, "2011"), (numeric.Kind, numeric.StatusCode, numeric.ErrorCode));
        Assert.Equal((CloudErrorKind.NotFound, 404, "ENTITY_NOT_FOUND"), (named.Kind, named.StatusCode, named.ErrorCode));
        Assert.Contains(locator.Id, named.Message);
    }

    [Fact]
    public async Task Create_sends_operation_create_and_returns_the_named_snapshot_found_while_its_task_runs()
    {
        var (environment, volume) = NewEnvironment(_emulator);
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "BeforeUpgradeToV2" }, CancellationToken.None);

        Assert.Equal("BeforeUpgradeToV2", created.Name);
        Assert.Equal(volume, created.VolumeId);
        Assert.Equal(1, Requests(_emulator, "POST", $"/{environment}/snapshots", "operation=create"));
        var body = _emulator.Host.Requests.Snapshot().Last(r => r.Method == "POST" && r.Path.Contains(environment)).Body!;
        Assert.Contains($"\"volumeId\":\"{volume}\"", body);
        Assert.Equal(1, Fake.SnapshotCount(environment));
    }

    [Fact]
    public async Task When_new_snapshots_are_listed_only_later_create_follows_the_task_to_its_result()
    {
        Fake.Dialect.ListWhileCreating = false;
        var (environment, volume) = NewEnvironment(_emulator);
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);

        Assert.StartsWith("snapshotps-", created.Name);
        Assert.Equal(SnapshotState.Available, created.State);
        Assert.True(Requests(_emulator, "GET", "/tasks/") >= 1);
    }

    [Theory]
    [InlineData("FAILED", true)]
    [InlineData("FAILURE", true)]
    [InlineData("FAILED", false)]
    [InlineData("failure", false)]
    public async Task A_failed_task_fails_the_create_in_either_spelling_and_either_task_shape(string spelling, bool wrapped)
    {
        Fake.Dialect.TaskFailureStatus = spelling.ToUpperInvariant();
        Fake.Dialect.WrappedTasks = wrapped;
        Fake.FailNextSnapshots(1);
        var (environment, volume) = NewEnvironment(_emulator);
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "doomed" }, CancellationToken.None));

        Assert.Equal(spelling.ToUpperInvariant(), failure.ErrorCode);
        Assert.Contains("ended " + spelling.ToUpperInvariant(), failure.Message);
        Assert.Contains("'doomed'", failure.Message);
        Assert.False(failure.MayHaveSucceeded);
    }

    [Fact]
    public async Task A_task_still_pending_at_the_timeout_fails_with_a_clear_error()
    {
        Fake.Dialect.ListWhileCreating = false;
        Fake.Timings.CreatingDelay = TimeSpan.FromHours(1);
        var (environment, volume) = NewEnvironment(_emulator);
        var settings = Settings(_emulator, environment);
        settings.TaskTimeout = TimeSpan.FromMilliseconds(300);
        using var provider = new CloudMCProvider(settings, "cloudmc");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "slow" }, CancellationToken.None));

        Assert.Equal(CloudErrorKind.Timeout, failure.Kind);
        Assert.True(failure.MayHaveSucceeded);
        Assert.Contains("still PENDING after", failure.Message);
        Assert.Contains("Get-CloudSnapshot -VolumeId " + volume, failure.Message);
    }

    [Fact]
    public async Task A_create_whose_task_is_forgotten_before_the_snapshot_shows_says_so_and_that_it_may_exist()
    {
        Fake.Dialect.ListWhileCreating = false;
        Fake.Timings.CreatingDelay = TimeSpan.FromHours(1);
        Fake.Timings.TaskRetention = TimeSpan.Zero;
        var (environment, volume) = NewEnvironment(_emulator);
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "orphan" }, CancellationToken.None));

        Assert.Contains("no longer knows task", failure.Message);
        Assert.Contains("no snapshot named 'orphan'", failure.Message);
        Assert.True(failure.MayHaveSucceeded);
    }

    [Fact]
    public async Task A_delete_whose_task_is_forgotten_returns_and_the_snapshot_is_on_its_way_out()
    {
        Fake.Timings.DestroyingDelay = TimeSpan.FromHours(1);
        Fake.Timings.TaskRetention = TimeSpan.Zero;
        var (environment, volume) = NewEnvironment(_emulator);
        var id = Fake.SeedSnapshots(volume, 1, "forgot-")[0];
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");

        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal("Destroying", Fake.SnapshotState(id));
        Assert.Equal(SnapshotState.Deleting, (await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None)).State);
    }

    [Fact]
    public async Task A_create_stopped_while_its_task_runs_says_the_snapshot_is_being_made_and_how_to_find_it()
    {
        Fake.Dialect.ListWhileCreating = false;
        Fake.Timings.CreatingDelay = TimeSpan.FromHours(1);
        var (environment, volume) = NewEnvironment(_emulator);
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var stopped = await Assert.ThrowsAsync<SnapshotCreateInterruptedException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "stopped" }, stop.Token));

        Assert.Contains("'stopped'; it is being made", stopped.Message);
        Assert.Contains("Get-CloudSnapshot -VolumeId " + volume, stopped.Message);
        Assert.Equal(1, Fake.SnapshotCount(environment));
    }

    [Fact]
    public async Task ClientToken_names_the_snapshot_so_a_second_run_returns_it_instead_of_making_another()
    {
        var (environment, volume) = NewEnvironment(_emulator);
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");
        var request = new CreateSnapshotRequest { VolumeId = volume, ClientToken = "nightly-2026-03-01" };

        var first = await provider.CreateSnapshotAsync(request, CancellationToken.None);
        var second = await provider.CreateSnapshotAsync(request, CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("snapshotps-nightly-2026-03-01", first.Name);
        Assert.Equal(1, Fake.SnapshotCount(environment));
    }

    [Fact]
    public async Task Delete_follows_its_task_until_the_snapshot_is_gone()
    {
        var (environment, volume) = NewEnvironment(_emulator);
        var id = Fake.SeedSnapshots(volume, 1, "del-")[0];
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");

        await provider.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(0, Fake.SnapshotCount(environment));
        Assert.Equal(1, Requests(_emulator, "DELETE", $"/{environment}/snapshots/{id}"));
    }

    [Fact]
    public async Task Deleting_a_snapshot_still_creating_is_a_conflict_naming_its_state()
    {
        Fake.Timings.CreatingDelay = TimeSpan.FromHours(1);
        var (environment, volume) = NewEnvironment(_emulator);
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");
        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "busy" }, CancellationToken.None);
        Assert.Equal((SnapshotState.Pending, "Creating"), (created.State, created.ProviderState));

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.DeleteSnapshotAsync(new SnapshotLocator(created.Id), CancellationToken.None));

        Assert.Equal((CloudErrorKind.Conflict, 400, "2012"), (failure.Kind, failure.StatusCode, failure.ErrorCode));
        Assert.Contains("is Creating, expected BackedUp, Error", failure.Message);
    }

    [Fact]
    public async Task A_volume_that_is_not_Ready_is_refused_with_its_state()
    {
        var (environment, volume) = NewEnvironment(_emulator);
        Fake.SetVolumeState(volume, "Allocated");
        using var provider = new CloudMCProvider(Settings(_emulator, environment), "cloudmc");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "x" }, CancellationToken.None));

        Assert.Equal(CloudErrorKind.Conflict, failure.Kind);
        Assert.Contains("volumes " + volume + " is Allocated, expected Ready", failure.Message);
        Assert.False(failure.MayHaveSucceeded);
    }

    [Fact]
    public async Task Org_id_is_sent_on_every_call_and_scopes_the_listing()
    {
        var sub = Fake.AddOrganization();
        var (environment, volume) = NewEnvironment(_emulator, sub);
        Fake.SeedSnapshots(volume, 2, "sub-");
        var settings = Settings(_emulator, environment);
        settings.OrganizationId = sub;
        using var provider = new CloudMCProvider(settings, "cloudmc");

        var listed = await ListAsync(provider);
        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "in-sub" }, CancellationToken.None);

        Assert.Equal(2, listed.Count);
        Assert.Equal(sub, created.Owner);
        Assert.Equal(0, _emulator.Host.Requests.Snapshot().Count(r => r.Provider == "cloudmc" && r.Path.Contains(environment) && !r.Query.Contains("org_id=" + sub)));
    }

    [Theory]
    [InlineData(403, CloudErrorKind.PermissionDenied)]
    [InlineData(401, CloudErrorKind.Unauthenticated)]
    public async Task A_wrong_key_is_an_auth_error_that_never_shows_the_key(int status, CloudErrorKind kind)
    {
        Fake.Dialect.AuthFailureStatus = status;
        const string key = "sk-wrong-cloudmc-key-that-must-stay-hidden";
        using var provider = new CloudMCProvider(Settings(_emulator, CloudMCFake.DefaultEnvironment, key), "cloudmc");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => ListAsync(provider));

        Assert.Equal((kind, status), (failure.Kind, failure.StatusCode));
        Assert.Contains("API key", failure.Message);
        Assert.DoesNotContain(key, failure.ToString());
    }
}
