using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Scaleway;

public sealed class BlockSnapshotTests : EmulatorTestBase
{
    [Fact]
    public async Task Create_is_200_with_the_bare_object_in_creating_then_available()
    {
        var volume = Scaleway.AddBlockVolume(Zone, "block-data", TwentyGb);

        using var response = await SendAsync(HttpMethod.Post, BlockSnapshots,
            $$"""{"volume_id":"{{volume}}","name":"blk","project_id":"{{ScalewayFake.DefaultProjectId}}","tags":["a"]}""");
        var text = await response.Content.ReadAsStringAsync();
        var snapshot = JsonDocument.Parse(text).RootElement;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("{\"id\":\"", text);
        Assert.False(snapshot.TryGetProperty("snapshot", out _));
        Assert.Equal("blk", snapshot.GetProperty("name").GetString());
        Assert.Equal("creating", snapshot.GetProperty("status").GetString());
        Assert.Equal(volume, snapshot.GetProperty("parent_volume").GetProperty("id").GetString());
        Assert.Equal("block-data", snapshot.GetProperty("parent_volume").GetProperty("name").GetString());
        Assert.Equal(TwentyGb, snapshot.GetProperty("size").GetInt64());
        Assert.Equal(ScalewayFake.DefaultProjectId, snapshot.GetProperty("project_id").GetString());
        Assert.Equal(0, snapshot.GetProperty("references").GetArrayLength());
        Assert.Equal(["a"], snapshot.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("sbs", snapshot.GetProperty("class").GetString());
        Assert.False(snapshot.GetProperty("public").GetBoolean());
        Assert.Equal(Zone, snapshot.GetProperty("zone").GetString());
        Assert.True(snapshot.TryGetProperty("created_at", out _) && snapshot.TryGetProperty("updated_at", out _));

        Clock.Advance(Delay);
        Assert.Equal("available", (await GetBlockSnapshotAsync(snapshot.GetProperty("id").GetString()!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Create_of_an_unknown_or_instance_volume_is_404_resource_volume()
    {
        var instanceVolume = AddVolume();

        var (status, body) = await CallAsync(HttpMethod.Post, BlockSnapshots, $$"""{"volume_id":"{{instanceVolume}}","name":"x"}""");

        Assert.Equal(404, status);
        Assert.Equal("volume", body.GetProperty("resource").GetString());
        Assert.Equal(instanceVolume, body.GetProperty("resource_id").GetString());
    }

    [Fact]
    public async Task Create_without_volume_id_is_400_required()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, BlockSnapshots, """{"name":"x"}""");

        AssertInvalidArgument(status, body, "volume_id", "required");
    }

    [Fact]
    public async Task Unknown_snapshot_is_404_with_the_observed_compact_body()
    {
        var id = Guid.NewGuid().ToString();

        using var response = await SendAsync(HttpMethod.Get, $"{BlockSnapshots}/{id}");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(
            $$"""{"message":"resource is not found","resource":"snapshot","resource_id":"{{id}}","type":"not_found"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Instance_api_does_not_see_block_snapshots()
    {
        var id = Scaleway.AddBlockSnapshot(Zone, "blk");

        var (status, body) = await CallAsync(HttpMethod.Get, $"{InstanceSnapshots}/{id}");

        Assert.Equal(404, status);
        Assert.Equal("instance_snapshot", body.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task List_has_total_count_in_the_body_and_pages_with_page_size()
    {
        for (var i = 1; i <= 5; i++)
        {
            Scaleway.AddBlockSnapshot(Zone, $"blk-{i}");
        }

        var (status, body) = await CallAsync(HttpMethod.Get, BlockSnapshots + "?page=2&page_size=2");

        Assert.Equal(200, status);
        Assert.Equal(5, body.GetProperty("total_count").GetInt32());
        Assert.Equal(["blk-3", "blk-4"], Names(body.GetProperty("snapshots")));
    }

    [Theory]
    [InlineData("page_size=101", "page_size", "constraint")]
    [InlineData("page=0", "page", "constraint")]
    [InlineData("order_by=size_asc", "order_by", "constraint")]
    [InlineData("include_deleted=maybe", "include_deleted", "format")]
    public async Task List_rejects_bad_paging_and_ordering_with_400(string query, string argument, string reason)
    {
        var (status, body) = await CallAsync(HttpMethod.Get, BlockSnapshots + "?" + query);

        AssertInvalidArgument(status, body, argument, reason);
    }

    [Fact]
    public async Task List_orders_by_name_desc_and_filters_by_volume_name_and_tags()
    {
        var volume = Scaleway.AddBlockVolume(Zone, "v", TwentyGb);
        Scaleway.AddBlockSnapshot(Zone, "alpha", volume, ["x", "y"]);
        Scaleway.AddBlockSnapshot(Zone, "beta", volume, ["x"]);
        Scaleway.AddBlockSnapshot(Zone, "gamma-alpha", tags: ["x", "y"]);

        var (_, byName) = await CallAsync(HttpMethod.Get, BlockSnapshots + "?order_by=name_desc");
        var (_, byVolume) = await CallAsync(HttpMethod.Get, BlockSnapshots + "?volume_id=" + volume);
        var (_, byNameFilter) = await CallAsync(HttpMethod.Get, BlockSnapshots + "?name=ALPHA");
        var (_, byTags) = await CallAsync(HttpMethod.Get, BlockSnapshots + "?tags=x&tags=y");

        Assert.Equal(["gamma-alpha", "beta", "alpha"], Names(byName.GetProperty("snapshots")));
        Assert.Equal(["alpha", "beta"], Names(byVolume.GetProperty("snapshots")));
        Assert.Equal(["alpha", "gamma-alpha"], Names(byNameFilter.GetProperty("snapshots")));
        Assert.Equal(["alpha", "gamma-alpha"], Names(byTags.GetProperty("snapshots")));
    }

    [Fact]
    public async Task Patch_changes_name_tags_and_public_only_when_supplied()
    {
        var id = Scaleway.AddBlockSnapshot(Zone, "blk", tags: ["t"]);

        var (_, renamed) = await CallAsync(HttpMethod.Patch, $"{BlockSnapshots}/{id}", """{"name":"renamed"}""");
        var (status, body) = await CallAsync(HttpMethod.Patch, $"{BlockSnapshots}/{id}", """{"tags":["u","v"],"public":true}""");

        Assert.Equal(["t"], renamed.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(200, status);
        Assert.Equal("renamed", body.GetProperty("name").GetString());
        Assert.Equal(["u", "v"], body.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.True(body.GetProperty("public").GetBoolean());
    }

    [Fact]
    public async Task Delete_is_204_then_404_and_listed_only_with_include_deleted()
    {
        var id = Scaleway.AddBlockSnapshot(Zone, "blk");

        using var response = await SendAsync(HttpMethod.Delete, $"{BlockSnapshots}/{id}");
        var (getStatus, _) = await CallAsync(HttpMethod.Get, $"{BlockSnapshots}/{id}");
        var (_, listed) = await CallAsync(HttpMethod.Get, BlockSnapshots);
        var (_, withDeleted) = await CallAsync(HttpMethod.Get, BlockSnapshots + "?include_deleted=true");

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(404, getStatus);
        Assert.Equal(0, listed.GetProperty("total_count").GetInt32());
        Assert.Equal("deleted", withDeleted.GetProperty("snapshots")[0].GetProperty("status").GetString());
        Assert.Equal(0, Scaleway.BlockSnapshotCount(Zone));
    }

    [Fact]
    public async Task Delete_while_creating_is_409_transient_state()
    {
        var volume = Scaleway.AddBlockVolume(Zone, "v", TwentyGb);
        var (_, created) = await CallAsync(HttpMethod.Post, BlockSnapshots, $$"""{"volume_id":"{{volume}}","name":"blk"}""");

        var (status, body) = await CallAsync(HttpMethod.Delete, $"{BlockSnapshots}/{created.GetProperty("id").GetString()}");

        Assert.Equal(409, status);
        Assert.Equal("transient_state", body.GetProperty("type").GetString());
        Assert.Equal("creating", body.GetProperty("current_state").GetString());
        Assert.Equal(1, Scaleway.BlockSnapshotCount(Zone));
    }

    [Fact]
    public async Task Import_is_200_creating_without_parent_volume_then_available()
    {
        var (status, body) = await CallAsync(HttpMethod.Post, BlockSnapshots + "/import-from-object-storage",
            """{"bucket":"my-bucket","key":"disk.qcow2","name":"imported","size":1073741824}""");

        Assert.Equal(200, status);
        Assert.Equal("creating", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("parent_volume").ValueKind);
        Assert.Equal(1_073_741_824, body.GetProperty("size").GetInt64());

        Clock.Advance(Delay);
        Assert.Equal("available", (await GetBlockSnapshotAsync(body.GetProperty("id").GetString()!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Import_without_bucket_is_400_and_a_failed_import_ends_in_error()
    {
        var (missing, missingBody) = await CallAsync(HttpMethod.Post, BlockSnapshots + "/import-from-object-storage", """{"key":"k"}""");
        Scaleway.FailNextSnapshots(1);
        var (_, failing) = await CallAsync(HttpMethod.Post, BlockSnapshots + "/import-from-object-storage", """{"bucket":"b","key":"k"}""");
        Clock.Advance(Delay);

        AssertInvalidArgument(missing, missingBody, "bucket", "required");
        Assert.Equal("error", (await GetBlockSnapshotAsync(failing.GetProperty("id").GetString()!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Export_is_200_exporting_then_available()
    {
        var id = Scaleway.AddBlockSnapshot(Zone, "blk");

        var (status, body) = await CallAsync(HttpMethod.Post, $"{BlockSnapshots}/{id}/export-to-object-storage", """{"bucket":"b","key":"blk.qcow2"}""");

        Assert.Equal(200, status);
        Assert.Equal("exporting", body.GetProperty("status").GetString());
        Assert.Equal("exporting", (await GetBlockSnapshotAsync(id)).GetProperty("status").GetString());
        Clock.Advance(Delay);
        Assert.Equal("available", (await GetBlockSnapshotAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Block_volume_is_served_bare_with_its_size()
    {
        var volume = Scaleway.AddBlockVolume(Zone, "v", TwentyGb);

        var (status, body) = await CallAsync(HttpMethod.Get, $"block/v1/zones/fr-par-1/volumes/{volume}");
        var (missing, missingBody) = await CallAsync(HttpMethod.Get, $"block/v1/zones/fr-par-1/volumes/{Guid.NewGuid()}");

        Assert.Equal(200, status);
        Assert.Equal(volume, body.GetProperty("id").GetString());
        Assert.Equal(TwentyGb, body.GetProperty("size").GetInt64());
        Assert.Equal("available", body.GetProperty("status").GetString());
        Assert.Equal(404, missing);
        Assert.Equal("volume", missingBody.GetProperty("resource").GetString());
    }
}
