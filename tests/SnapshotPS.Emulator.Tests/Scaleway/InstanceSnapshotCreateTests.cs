using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Scaleway;

public sealed class InstanceSnapshotCreateTests : EmulatorTestBase
{
    [Fact]
    public async Task Create_from_volume_is_201_with_snapshot_and_task()
    {
        var volume = AddVolume("Ubuntu 20.04 Focal Fossa");

        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots,
            $$"""{"name":"backup","volume_id":"{{volume}}","project":"{{ScalewayFake.DefaultProjectId}}"}""");

        Assert.Equal(201, status);
        var snapshot = body.GetProperty("snapshot");
        var id = snapshot.GetProperty("id").GetString()!;
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal("backup", snapshot.GetProperty("name").GetString());
        Assert.Equal("l_ssd", snapshot.GetProperty("volume_type").GetString());
        Assert.Equal(TwentyGb, snapshot.GetProperty("size").GetInt64());
        Assert.Equal("snapshotting", snapshot.GetProperty("state").GetString());
        Assert.Equal(volume, snapshot.GetProperty("base_volume").GetProperty("id").GetString());
        Assert.Equal("Ubuntu 20.04 Focal Fossa", snapshot.GetProperty("base_volume").GetProperty("name").GetString());
        Assert.Equal(0, snapshot.GetProperty("tags").GetArrayLength());
        Assert.Equal(ScalewayFake.DefaultProjectId, snapshot.GetProperty("project").GetString());
        Assert.Equal(ScalewayFake.DefaultOrganizationId, snapshot.GetProperty("organization").GetString());
        Assert.Equal(Zone, snapshot.GetProperty("zone").GetString());
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("error_details").ValueKind);

        var task = body.GetProperty("task");
        Assert.Equal("pending", task.GetProperty("status").GetString());
        Assert.Equal(0, task.GetProperty("progress").GetInt32());
        Assert.Equal("/snapshots", task.GetProperty("href_from").GetString());
        Assert.Equal("snapshots/" + id, task.GetProperty("href_result").GetString());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("terminated_at").ValueKind);
        Assert.Equal(Zone, task.GetProperty("zone").GetString());
        Assert.True(task.TryGetProperty("id", out _) && task.TryGetProperty("description", out _) && task.TryGetProperty("started_at", out _));
    }

    [Fact]
    public async Task Snapshot_stays_snapshotting_until_the_delay_passes_then_is_available_with_new_modification_date()
    {
        var id = await CreateInstanceSnapshotAsync();
        var created = await GetInstanceSnapshotAsync(id);

        Clock.Advance(Delay - TimeSpan.FromSeconds(1));
        Assert.Equal("snapshotting", (await GetInstanceSnapshotAsync(id)).GetProperty("state").GetString());

        Clock.Advance(TimeSpan.FromSeconds(1));
        var settled = await GetInstanceSnapshotAsync(id);
        Assert.Equal("available", settled.GetProperty("state").GetString());
        Assert.NotEqual(created.GetProperty("modification_date").GetString(), settled.GetProperty("modification_date").GetString());
        Assert.Equal(created.GetProperty("creation_date").GetString(), settled.GetProperty("creation_date").GetString());
    }

    [Fact]
    public async Task Zero_delay_shows_snapshotting_in_the_create_response_and_available_on_the_next_read()
    {
        Scaleway.Timings.SnapshotDelay = TimeSpan.Zero;

        var (_, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, $$"""{"name":"now","volume_id":"{{AddVolume()}}"}""");
        var id = body.GetProperty("snapshot").GetProperty("id").GetString()!;

        Assert.Equal("snapshotting", body.GetProperty("snapshot").GetProperty("state").GetString());
        Assert.Equal("available", (await GetInstanceSnapshotAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task FailNextSnapshots_makes_the_next_snapshot_end_in_error_and_only_that_one()
    {
        Scaleway.FailNextSnapshots(1);
        var failed = await CreateInstanceSnapshotAsync("doomed");
        var fine = await CreateInstanceSnapshotAsync("fine");

        Clock.Advance(Delay);

        Assert.Equal("error", (await GetInstanceSnapshotAsync(failed)).GetProperty("state").GetString());
        Assert.Equal("available", (await GetInstanceSnapshotAsync(fine)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Import_is_201_importing_without_base_volume_and_with_the_default_size_then_available()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots,
            """{"name":"imported","volume_type":"l_ssd","bucket":"my-bucket","key":"exported-snapshot.qcow2"}""");

        Assert.Equal(201, status);
        var snapshot = body.GetProperty("snapshot");
        Assert.Equal("importing", snapshot.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("base_volume").ValueKind);
        Assert.Equal(10_000_000_000, snapshot.GetProperty("size").GetInt64());
        Assert.Equal("/snapshots", body.GetProperty("task").GetProperty("href_from").GetString());

        Clock.Advance(Delay);
        Assert.Equal("available", (await GetInstanceSnapshotAsync(snapshot.GetProperty("id").GetString()!)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Import_uses_the_given_size_and_a_failed_import_ends_in_invalid_data()
    {
        Scaleway.FailNextSnapshots(1);

        var (_, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, """{"name":"bad","bucket":"b","key":"k.qcow2","size":1048576}""");
        var snapshot = body.GetProperty("snapshot");
        Clock.Advance(Delay);

        Assert.Equal(1_048_576, snapshot.GetProperty("size").GetInt64());
        Assert.Equal("invalid_data", (await GetInstanceSnapshotAsync(snapshot.GetProperty("id").GetString()!)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Import_size_not_a_multiple_of_512_is_400_on_size()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, """{"name":"x","bucket":"b","key":"k","size":1000}""");

        AssertInvalidArgument(status, body, "size", "constraint");
        Assert.Equal(0, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public async Task Missing_volume_id_and_bucket_is_400_volume_id_required()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, """{"name":"x"}""");

        AssertInvalidArgument(status, body, "volume_id", "required");
        Assert.Equal("invalid argument(s)", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Volume_id_together_with_bucket_and_key_is_400()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots,
            $$"""{"name":"x","volume_id":"{{AddVolume()}}","bucket":"b","key":"k"}""");

        AssertInvalidArgument(status, body, "volume_id", "constraint");
    }

    [Fact]
    public async Task Bucket_without_key_is_400_key_required()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, """{"name":"x","bucket":"b"}""");

        AssertInvalidArgument(status, body, "key", "required");
    }

    [Fact]
    public async Task Both_project_and_organization_is_400()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots,
            $$"""{"name":"x","volume_id":"{{AddVolume()}}","project":"{{ScalewayFake.DefaultProjectId}}","organization":"{{ScalewayFake.DefaultOrganizationId}}"}""");

        AssertInvalidArgument(status, body, "project", "constraint");
    }

    [Fact]
    public async Task Malformed_volume_id_and_wrongly_typed_tags_are_400_format()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, """{"volume_id":"nope","tags":"a"}""");

        AssertInvalidArgument(status, body, "volume_id", "format");
        AssertInvalidArgument(status, body, "tags", "format");
    }

    [Fact]
    public async Task Unknown_volume_is_404_instance_volume()
    {
        var volume = Guid.NewGuid().ToString();

        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, $$"""{"name":"x","volume_id":"{{volume}}"}""");

        Assert.Equal(404, status);
        Assert.Equal("not_found", body.GetProperty("type").GetString());
        Assert.Equal("instance_volume", body.GetProperty("resource").GetString());
        Assert.Equal(volume, body.GetProperty("resource_id").GetString());
    }

    [Fact]
    public async Task Organization_alone_or_neither_owner_field_is_accepted_into_the_tokens_project()
    {
        var (withOrganization, first) = await CallAsync(HttpMethod.Post, InstanceSnapshots,
            $$"""{"name":"a","volume_id":"{{AddVolume()}}","organization":"{{ScalewayFake.DefaultOrganizationId}}"}""");
        var (withNeither, second) = await CallAsync(HttpMethod.Post, InstanceSnapshots, $$"""{"name":"b","volume_id":"{{AddVolume()}}"}""");

        Assert.Equal(201, withOrganization);
        Assert.Equal(201, withNeither);
        Assert.Equal(ScalewayFake.DefaultProjectId, first.GetProperty("snapshot").GetProperty("project").GetString());
        Assert.Equal(ScalewayFake.DefaultProjectId, second.GetProperty("snapshot").GetProperty("project").GetString());
    }

    [Fact]
    public async Task Another_project_is_403_permissions_denied()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots,
            $$"""{"name":"x","volume_id":"{{AddVolume()}}","project":"{{Guid.NewGuid()}}"}""");

        Assert.Equal(403, status);
        Assert.Equal("permissions_denied", body.GetProperty("type").GetString());
        Assert.Equal(0, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public async Task Empty_name_gets_a_generated_snp_name_and_tags_are_kept()
    {
        var (_, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, $$"""{"name":"","volume_id":"{{AddVolume()}}","tags":["a","b"]}""");

        var snapshot = body.GetProperty("snapshot");
        Assert.StartsWith("snp-", snapshot.GetProperty("name").GetString());
        Assert.Equal(["a", "b"], snapshot.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
    }

    [Fact]
    public async Task Volume_type_overrides_the_volumes_type_and_unknown_volume_type_inherits_it()
    {
        var (_, overridden) = await CallAsync(HttpMethod.Post, InstanceSnapshots, $$"""{"volume_id":"{{AddVolume()}}","volume_type":"unified"}""");
        var (_, inherited) = await CallAsync(HttpMethod.Post, InstanceSnapshots, $$"""{"volume_id":"{{AddVolume()}}","volume_type":"unknown_volume_type"}""");
        var (badStatus, bad) = await CallAsync(HttpMethod.Post, InstanceSnapshots, $$"""{"volume_id":"{{AddVolume()}}","volume_type":"floppy"}""");

        Assert.Equal("unified", overridden.GetProperty("snapshot").GetProperty("volume_type").GetString());
        Assert.Equal("l_ssd", inherited.GetProperty("snapshot").GetProperty("volume_type").GetString());
        AssertInvalidArgument(badStatus, bad, "volume_type", "constraint");
    }

    [Fact]
    public async Task Body_that_is_not_json_is_400()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, "{not json");

        AssertInvalidArgument(status, body, "body", "format");
    }
}
