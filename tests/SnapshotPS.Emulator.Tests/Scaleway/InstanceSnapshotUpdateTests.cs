using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Scaleway;

public sealed class InstanceSnapshotUpdateTests : EmulatorTestBase
{
    [Fact]
    public async Task Patch_changes_only_the_supplied_name_and_bumps_modification_date()
    {
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1, tags: ["keep"]).Single();
        var before = await GetInstanceSnapshotAsync(id);

        var (status, body) = await CallAsync(HttpMethod.Patch, $"{InstanceSnapshots}/{id}", """{"name":"new_name"}""");

        Assert.Equal(200, status);
        var snapshot = body.GetProperty("snapshot");
        Assert.Equal("new_name", snapshot.GetProperty("name").GetString());
        Assert.Equal(["keep"], snapshot.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.NotEqual(before.GetProperty("modification_date").GetString(), snapshot.GetProperty("modification_date").GetString());
        Assert.Equal("new_name", (await GetInstanceSnapshotAsync(id)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_tags_replaces_the_whole_list_and_keeps_the_name()
    {
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1, tags: ["old"]).Single();

        var (_, body) = await CallAsync(HttpMethod.Patch, $"{InstanceSnapshots}/{id}", """{"tags":["foo","bar"]}""");

        Assert.Equal(["foo", "bar"], body.GetProperty("snapshot").GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("seed-001", body.GetProperty("snapshot").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_with_a_wrongly_typed_field_is_400_and_changes_nothing()
    {
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1).Single();

        var (status, body) = await CallAsync(HttpMethod.Patch, $"{InstanceSnapshots}/{id}", """{"name":42}""");

        AssertInvalidArgument(status, body, "name", "format");
        Assert.Equal("seed-001", (await GetInstanceSnapshotAsync(id)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_of_an_unknown_snapshot_is_404()
    {
        var (status, body) = await CallAsync(HttpMethod.Patch, $"{InstanceSnapshots}/{Guid.NewGuid()}", """{"name":"x"}""");

        Assert.Equal(404, status);
        Assert.Equal("instance_snapshot", body.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task Put_accepts_the_full_object_but_only_name_and_tags_change()
    {
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1).Single();
        var before = await GetInstanceSnapshotAsync(id);

        var (status, body) = await CallAsync(HttpMethod.Put, $"{InstanceSnapshots}/{id}",
            $$"""{"id":"{{id}}","name":"replaced","organization":"{{ScalewayFake.DefaultOrganizationId}}","project":"{{ScalewayFake.DefaultProjectId}}","volume_type":"b_ssd","size":1,"state":"error","tags":["t"]}""");

        Assert.Equal(200, status);
        var snapshot = body.GetProperty("snapshot");
        Assert.Equal("replaced", snapshot.GetProperty("name").GetString());
        Assert.Equal(["t"], snapshot.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(before.GetProperty("size").GetInt64(), snapshot.GetProperty("size").GetInt64());
        Assert.Equal("available", snapshot.GetProperty("state").GetString());
        Assert.Equal("l_ssd", snapshot.GetProperty("volume_type").GetString());
    }

    [Fact]
    public async Task Delete_is_204_with_an_empty_body_then_get_is_404()
    {
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1).Single();

        using var response = await SendAsync(HttpMethod.Delete, $"{InstanceSnapshots}/{id}");
        var (status, body) = await CallAsync(HttpMethod.Get, $"{InstanceSnapshots}/{id}");

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(404, status);
        Assert.Equal(id, body.GetProperty("resource_id").GetString());
        Assert.Equal(0, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public async Task Delete_of_an_unknown_snapshot_is_404_not_found()
    {
        var (status, body) = await CallAsync(HttpMethod.Delete, $"{InstanceSnapshots}/{Guid.NewGuid()}");

        Assert.Equal(404, status);
        Assert.Equal("not_found", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Delete_while_snapshotting_is_409_transient_state_and_keeps_the_snapshot()
    {
        var id = await CreateInstanceSnapshotAsync();

        var (status, body) = await CallAsync(HttpMethod.Delete, $"{InstanceSnapshots}/{id}");

        Assert.Equal(409, status);
        Assert.Equal("transient_state", body.GetProperty("type").GetString());
        Assert.Equal("snapshotting", body.GetProperty("current_state").GetString());
        Assert.Equal("instance_snapshot", body.GetProperty("resource").GetString());
        Assert.Equal(id, body.GetProperty("resource_id").GetString());
        Assert.Equal(1, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public async Task Delete_after_the_snapshot_settles_succeeds()
    {
        var id = await CreateInstanceSnapshotAsync();
        Clock.Advance(Delay);

        using var response = await SendAsync(HttpMethod.Delete, $"{InstanceSnapshots}/{id}");

        Assert.Equal(204, (int)response.StatusCode);
    }

    [Fact]
    public async Task Export_is_202_with_a_task_then_exporting_until_the_delay_passes_then_available()
    {
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1).Single();

        var (status, body) = await CallAsync(HttpMethod.Post, $"{InstanceSnapshots}/{id}/export", """{"bucket":"my-bucket","key":"exported-snapshot.qcow2"}""");

        Assert.Equal(202, status);
        var task = body.GetProperty("task");
        Assert.Equal("pending", task.GetProperty("status").GetString());
        Assert.Equal($"/snapshots/{id}/export", task.GetProperty("href_from").GetString());
        Assert.Equal("https://s3.fr-par.scw.cloud/my-bucket/exported-snapshot.qcow2", task.GetProperty("href_result").GetString());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("terminated_at").ValueKind);
        Assert.Equal("exporting", (await GetInstanceSnapshotAsync(id)).GetProperty("state").GetString());

        Clock.Advance(Delay);
        Assert.Equal("available", (await GetInstanceSnapshotAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Export_without_key_is_400_key_required()
    {
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1).Single();

        var (status, body) = await CallAsync(HttpMethod.Post, $"{InstanceSnapshots}/{id}/export", """{"bucket":"b"}""");

        AssertInvalidArgument(status, body, "key", "required");
        Assert.Equal("available", (await GetInstanceSnapshotAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Export_while_snapshotting_is_409_and_delete_while_exporting_is_409()
    {
        var creating = await CreateInstanceSnapshotAsync();
        var exported = Scaleway.SeedInstanceSnapshots(Zone, 1).Single();
        await CallAsync(HttpMethod.Post, $"{InstanceSnapshots}/{exported}/export", """{"bucket":"b","key":"k.qcow2"}""");

        var (exportStatus, _) = await CallAsync(HttpMethod.Post, $"{InstanceSnapshots}/{creating}/export", """{"bucket":"b","key":"k.qcow2"}""");
        var (deleteStatus, deleteBody) = await CallAsync(HttpMethod.Delete, $"{InstanceSnapshots}/{exported}");

        Assert.Equal(409, exportStatus);
        Assert.Equal(409, deleteStatus);
        Assert.Equal("exporting", deleteBody.GetProperty("current_state").GetString());
    }

    [Fact]
    public async Task Deleting_the_base_volume_sets_base_volume_to_null()
    {
        var volume = AddVolume();
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1, volumeId: volume).Single();

        Scaleway.DeleteInstanceVolume(Zone, volume);

        Assert.Equal(JsonValueKind.Null, (await GetInstanceSnapshotAsync(id)).GetProperty("base_volume").ValueKind);
        var (status, _) = await CallAsync(HttpMethod.Get, $"instance/v1/zones/fr-par-1/volumes/{volume}");
        Assert.Equal(404, status);
    }
}
