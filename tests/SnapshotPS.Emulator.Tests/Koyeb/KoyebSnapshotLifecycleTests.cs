namespace SnapshotPS.Emulator.Tests.Koyeb;

/// <summary>Create, get, rename and delete over raw HTTP, with the state machine on a manual clock.</summary>
public sealed class KoyebSnapshotLifecycleTests : KoyebTestBase
{
    [Fact]
    public async Task Create_answers_200_with_the_snapshot_creating_locally_and_the_volumes_region_and_size()
    {
        var volume = Koyeb.AddVolume("db", "was", maxSizeGb: 25);

        var snapshot = await CreateAsync(volume, "db-before-upgrade");

        Assert.True(Guid.TryParse(snapshot.GetProperty("id").GetString(), out _));
        Assert.Equal("db-before-upgrade", snapshot.GetProperty("name").GetString());
        Assert.Equal(25, snapshot.GetProperty("size").GetInt64());
        Assert.Equal("was", snapshot.GetProperty("region").GetString());
        Assert.Equal(volume, snapshot.GetProperty("parent_volume_id").GetString());
        Assert.Equal(KoyebFake.DefaultOrganizationId, snapshot.GetProperty("organization_id").GetString());
        Assert.Equal("SNAPSHOT_STATUS_CREATING", snapshot.GetProperty("status").GetString());
        Assert.Equal("SNAPSHOT_TYPE_LOCAL", snapshot.GetProperty("type").GetString());
        Assert.Equal(snapshot.GetProperty("created_at").GetString(), snapshot.GetProperty("updated_at").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", snapshot.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task A_snapshot_goes_creating_then_migrating_then_available_remote_bumping_updated_at()
    {
        var id = (await CreateAsync(Koyeb.AddVolume("db"))).GetProperty("id").GetString()!;

        Clock.Advance(CreateDelay);
        var migrating = await GetAsync(id);
        Clock.Advance(MigrateDelay);
        var available = await GetAsync(id);

        Assert.Equal("SNAPSHOT_STATUS_MIGRATING", migrating.GetProperty("status").GetString());
        Assert.Equal("SNAPSHOT_TYPE_LOCAL", migrating.GetProperty("type").GetString());
        Assert.Equal("SNAPSHOT_STATUS_AVAILABLE", available.GetProperty("status").GetString());
        Assert.Equal("SNAPSHOT_TYPE_REMOTE", available.GetProperty("type").GetString());
        Assert.True(string.CompareOrdinal(available.GetProperty("updated_at").GetString(), migrating.GetProperty("updated_at").GetString()) > 0);
    }

    [Fact]
    public async Task Update_is_a_post_on_the_item_that_changes_only_the_name()
    {
        var created = await CreateAsync(Koyeb.AddVolume("db"));
        var id = created.GetProperty("id").GetString()!;
        Clock.Advance(TimeSpan.FromSeconds(5));

        var (status, body) = await KoyebAsync(HttpMethod.Post, $"{Snapshots}/{id}", """{"name":"db-pre-v2","region":"sin","size":999}""");

        Assert.Equal(200, status);
        var renamed = body.GetProperty("snapshot");
        Assert.Equal("db-pre-v2", renamed.GetProperty("name").GetString());
        Assert.Equal(created.GetProperty("region").GetString(), renamed.GetProperty("region").GetString());
        Assert.Equal(created.GetProperty("size").GetInt64(), renamed.GetProperty("size").GetInt64());
        Assert.NotEqual(created.GetProperty("updated_at").GetString(), renamed.GetProperty("updated_at").GetString());
        Assert.Equal("db-pre-v2", (await GetAsync(id)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Delete_answers_200_deleting_then_the_snapshot_is_gone()
    {
        var id = Koyeb.SeedSnapshots(1)[0];

        var (status, body) = await KoyebAsync(HttpMethod.Delete, $"{Snapshots}/{id}");
        var (whileDeleting, _) = await KoyebAsync(HttpMethod.Get, $"{Snapshots}/{id}");
        Clock.Advance(DeleteDelay);
        var (after, gone) = await KoyebAsync(HttpMethod.Get, $"{Snapshots}/{id}");

        Assert.Equal(200, status);
        Assert.Equal("SNAPSHOT_STATUS_DELETING", body.GetProperty("snapshot").GetProperty("status").GetString());
        Assert.Equal(200, whileDeleting);
        AssertError(404, "unknown_resource", after, gone);
        Assert.Equal("Snapshot not found", gone.GetProperty("message").GetString());
        Assert.Equal(0, Koyeb.SnapshotCount());
    }

    [Fact]
    public async Task Deleting_a_snapshot_that_is_already_deleting_is_400()
    {
        var id = Koyeb.SeedSnapshots(1)[0];
        await KoyebAsync(HttpMethod.Delete, $"{Snapshots}/{id}");

        var (status, body) = await KoyebAsync(HttpMethod.Delete, $"{Snapshots}/{id}");

        AssertError(400, "invalid_argument", status, body);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, body.GetProperty("fields").ValueKind);
    }

    [Fact]
    public async Task A_delete_during_creation_cancels_the_rest_of_the_creation()
    {
        var id = (await CreateAsync(Koyeb.AddVolume("db"))).GetProperty("id").GetString()!;
        await KoyebAsync(HttpMethod.Delete, $"{Snapshots}/{id}");

        Clock.Advance(CreateDelay);

        Assert.Equal(("SNAPSHOT_STATUS_DELETING", "SNAPSHOT_TYPE_LOCAL"), Koyeb.StateOf(id));
        Clock.Advance(DeleteDelay);
        Assert.Null(Koyeb.StateOf(id));
    }

    [Fact]
    public async Task Instant_timings_settle_on_the_next_request()
    {
        await using var host = await EmulatorHost.StartAsync(EmulatorOptions.Instant());
        host.Koyeb.AddVolume("db");
        using var client = new HttpClient { BaseAddress = new Uri(host.KoyebEndpoint + "/") };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + KoyebFake.DefaultToken);
        var volume = host.Koyeb.AddVolume("other");

        using var created = await client.PostAsync(Snapshots, new StringContent($$"""{"parent_volume_id":"{{volume}}","name":"quick"}"""));
        var id = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("snapshot").GetProperty("id").GetString()!;

        Assert.Equal(("SNAPSHOT_STATUS_AVAILABLE", "SNAPSHOT_TYPE_REMOTE"), host.Koyeb.StateOf(id));
    }
}
