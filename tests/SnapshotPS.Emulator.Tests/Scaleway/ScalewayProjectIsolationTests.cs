namespace SnapshotPS.Emulator.Tests.Scaleway;

public sealed class ScalewayProjectIsolationTests : EmulatorTestBase
{
    private const string OtherKey = "33333333-3333-4333-8333-333333333333";
    private const string OtherProject = "44444444-4444-4444-8444-444444444444";
    private const string OtherOrganization = "55555555-5555-4555-8555-555555555555";

    [Fact]
    public async Task Another_projects_snapshot_is_404_for_get_patch_delete_and_export()
    {
        Scaleway.AddProject(OtherKey, OtherProject, OtherOrganization);
        var theirs = Scaleway.SeedInstanceSnapshots(Zone, 1, projectId: OtherProject).Single();
        var path = $"{InstanceSnapshots}/{theirs}";

        var (get, _) = await CallAsync(HttpMethod.Get, path);
        var (patch, _) = await CallAsync(HttpMethod.Patch, path, """{"name":"mine"}""");
        var (delete, _) = await CallAsync(HttpMethod.Delete, path);
        var (export, _) = await CallAsync(HttpMethod.Post, path + "/export", """{"bucket":"b","key":"k"}""");

        Assert.Equal([404, 404, 404, 404], new[] { get, patch, delete, export });
        Assert.Equal(1, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public async Task Lists_show_only_the_tokens_project()
    {
        Scaleway.AddProject(OtherKey, OtherProject, OtherOrganization);
        Scaleway.SeedInstanceSnapshots(Zone, 2, "theirs-", projectId: OtherProject);
        Scaleway.SeedInstanceSnapshots(Zone, 1, "mine-");
        Scaleway.AddBlockSnapshot(Zone, "their-block", projectId: OtherProject);

        using var mine = await SendAsync(HttpMethod.Get, InstanceSnapshots);
        using var theirs = await SendAsync(NewClient(OtherKey), HttpMethod.Get, InstanceSnapshots);
        var (_, myBlocks) = await CallAsync(HttpMethod.Get, BlockSnapshots);

        Assert.Equal(["mine-001"], Names((await JsonAsync(mine)).GetProperty("snapshots")));
        Assert.Equal("1", mine.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(["theirs-001", "theirs-002"], Names((await JsonAsync(theirs)).GetProperty("snapshots")));
        Assert.Equal(0, myBlocks.GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task Another_projects_volume_cannot_be_snapshotted()
    {
        Scaleway.AddProject(OtherKey, OtherProject, OtherOrganization);
        var theirVolume = Scaleway.AddInstanceVolume(Zone, "theirs", TwentyGb, projectId: OtherProject);

        var (status, body) = await CallAsync(HttpMethod.Post, InstanceSnapshots, $$"""{"name":"x","volume_id":"{{theirVolume}}"}""");

        Assert.Equal(404, status);
        Assert.Equal("instance_volume", body.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task Snapshot_created_with_another_key_lands_in_that_keys_project_and_organization()
    {
        Scaleway.AddProject(OtherKey, OtherProject, OtherOrganization);
        var theirVolume = Scaleway.AddInstanceVolume(Zone, "theirs", TwentyGb, projectId: OtherProject);

        using var response = await SendAsync(NewClient(OtherKey), HttpMethod.Post, InstanceSnapshots,
            $$"""{"name":"x","volume_id":"{{theirVolume}}","project":"{{OtherProject}}"}""");
        var snapshot = (await JsonAsync(response)).GetProperty("snapshot");
        var (statusForDefaultKey, _) = await CallAsync(HttpMethod.Get, $"{InstanceSnapshots}/{snapshot.GetProperty("id").GetString()}");

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal(OtherProject, snapshot.GetProperty("project").GetString());
        Assert.Equal(OtherOrganization, snapshot.GetProperty("organization").GetString());
        Assert.Equal(404, statusForDefaultKey);
    }
}
