namespace SnapshotPS.Emulator.Tests.Outscale;

public sealed class OutscaleValidationTests : OutscaleTestBase
{
    [Theory]
    [InlineData("DeleteSnapshot", """{"SnapshotId":"tata"}""")]
    [InlineData("DeleteSnapshot", """{"SnapshotId":"vol-12345678"}""")]
    [InlineData("CreateSnapshot", """{"VolumeId":"snap-12345678"}""")]
    [InlineData("DeleteExportTask", """{"ExportTaskId":"snap-12345678"}""")]
    [InlineData("CreateTags", """{"ResourceIds":["ami-12345678"],"Tags":[{"Key":"k","Value":"v"}]}""")]
    public async Task Id_with_a_wrong_prefix_is_4104(string operation, string json)
    {
        await AssertErrorAsync(operation, json, 400, "4104", "InvalidParameterValue");
    }

    [Theory]
    [InlineData("DeleteSnapshot", """{"SnapshotId":"snap-123456"}""")]
    [InlineData("DeleteSnapshot", """{"SnapshotId":"snap-1234567g"}""")]
    [InlineData("DeleteSnapshot", """{"SnapshotId":"snap-1A2B3C4D"}""")]
    [InlineData("DeleteSnapshot", """{"SnapshotId":"snap-export-12345678"}""")]
    [InlineData("CreateSnapshot", """{"VolumeId":"vol-123456789"}""")]
    [InlineData("DeleteExportTask", """{"ExportTaskId":"snap-export-1234"}""")]
    public async Task Id_with_the_right_prefix_but_malformed_is_4105(string operation, string json)
    {
        await AssertErrorAsync(operation, json, 400, "4105", "InvalidParameterValue");
    }

    [Fact]
    public async Task Well_formed_unknown_snapshot_is_5054()
    {
        await AssertErrorAsync("DeleteSnapshot", $$"""{"SnapshotId":"{{UnknownSnapshotId}}"}""", 400, "5054", "InvalidResource");
    }

    [Fact]
    public async Task Well_formed_unknown_volume_is_5064()
    {
        await AssertErrorAsync("CreateSnapshot", """{"VolumeId":"vol-0badf00d"}""", 400, "5064", "InvalidResource");
    }

    [Theory]
    [InlineData("ReadSnapshots", """{"Bogus":1}""")]
    [InlineData("ReadSnapshots", """{"Filters":{"SnapshotId":["snap-12345678"]}}""")]
    [InlineData("CreateSnapshot", """{"VolumeId":"vol-12345678","volumeid":"vol-12345678"}""")]
    [InlineData("CreateSnapshotExportTask", """{"SnapshotId":"snap-12345678","OsuExport":{"DiskImageFormat":"raw","OsuBucket":"b","Acl":"x"}}""")]
    [InlineData("CreateTags", """{"ResourceIds":["snap-12345678"],"Tags":[{"Key":"k","Value":"v","Extra":"x"}]}""")]
    public async Task Unknown_member_at_any_depth_is_3001(string operation, string json)
    {
        await AssertErrorAsync(operation, json, 400, "3001", "InvalidParameter");
    }

    [Theory]
    [InlineData("ReadSnapshots", """{"ResultsPerPage":"10"}""")]
    [InlineData("ReadSnapshots", """{"Filters":{"SnapshotIds":"snap-12345678"}}""")]
    [InlineData("ReadSnapshots", """{"Filters":{"VolumeSizes":[1.5]}}""")]
    [InlineData("ReadSnapshots", """{"DryRun":"yes"}""")]
    [InlineData("CreateSnapshot", """{"VolumeId":12345678}""")]
    [InlineData("UpdateSnapshot", """{"SnapshotId":"snap-12345678","PermissionsToCreateVolume":{"Additions":{"GlobalPermission":"tata"}}}""")]
    public async Task Wrong_json_type_is_4110(string operation, string json)
    {
        await AssertErrorAsync(operation, json, 400, "4110", "InvalidParameterValue");
    }

    [Fact]
    public async Task Missing_required_parameter_wins_over_a_malformed_id()
    {
        await AssertErrorAsync("UpdateSnapshot", """{"SnapshotId":"tata"}""", 400, "7000", "MissingParameter");
    }

    [Fact]
    public async Task Malformed_id_wins_over_existence()
    {
        await AssertErrorAsync("UpdateSnapshot", UpdateBody("snap-123", "Additions", Accounts(SecondAccountId)), 400, "4105", "InvalidParameterValue");
    }

    [Fact]
    public async Task DryRun_create_validates_then_answers_only_the_response_context_and_creates_nothing()
    {
        var volume = Outscale.AddVolume(10);

        var body = await OkAsync("CreateSnapshot", $$"""{"VolumeId":"{{volume}}","DryRun":true}""");
        var (invalid, _) = await OscAsync("CreateSnapshot", """{"VolumeId":"vol-0badf00d","DryRun":true}""");

        Assert.Equal(["ResponseContext"], body.EnumerateObject().Select(member => member.Name));
        Assert.Equal(0, Outscale.SnapshotCount());
        Assert.Equal(400, invalid);
    }

    [Fact]
    public async Task DryRun_delete_update_tags_and_export_change_nothing()
    {
        var id = Outscale.SeedSnapshots(1).Single();

        await OkAsync("DeleteSnapshot", $$"""{"SnapshotId":"{{id}}","DryRun":true}""");
        await OkAsync("UpdateSnapshot", UpdateBody(id, "Additions", """{"GlobalPermission":true}""")[..^1] + ",\"DryRun\":true}");
        await OkAsync("CreateTags", $$"""{"ResourceIds":["{{id}}"],"Tags":[{"Key":"env","Value":"prod"}],"DryRun":true}""");
        await OkAsync("CreateSnapshotExportTask", $$"""{"SnapshotId":"{{id}}","OsuExport":{"DiskImageFormat":"raw","OsuBucket":"b"},"DryRun":true}""");
        var snapshot = await ReadSnapshotAsync(id);
        var tasks = await OkAsync("ReadSnapshotExportTasks");

        Assert.True(Outscale.SnapshotExists(id));
        Assert.False(snapshot.GetProperty("PermissionsToCreateVolume").GetProperty("GlobalPermission").GetBoolean());
        Assert.Equal(0, snapshot.GetProperty("Tags").GetArrayLength());
        Assert.Equal(0, tasks.GetProperty("SnapshotExportTasks").GetArrayLength());
    }

    [Fact]
    public async Task DryRun_does_not_skip_validation()
    {
        await AssertErrorAsync("CreateTags", """{"ResourceIds":["snap-12345678"],"Tags":[{"Value":"v"}],"DryRun":true}""", 400, "7000", "MissingParameter");
    }

    [Fact]
    public async Task DryRun_read_answers_only_the_response_context()
    {
        Outscale.SeedSnapshots(1);

        var body = await OkAsync("ReadSnapshots", """{"DryRun":true}""");

        Assert.Equal(["ResponseContext"], body.EnumerateObject().Select(member => member.Name));
    }
}
