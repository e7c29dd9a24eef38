using System.Text;

namespace SnapshotPS.Emulator.Tests.Outscale;

public sealed class OutscaleHostingTests : OutscaleTestBase
{
    [Fact]
    public async Task Status_429_fault_sends_the_code_24_body_without_retry_after_and_does_not_execute()
    {
        var volume = Outscale.AddVolume(10);
        Host.Faults.Add(new FaultRule { Provider = "outscale", Kind = FaultKind.Status, StatusCode = 429 });

        using var content = new StringContent($$"""{"VolumeId":"{{volume}}"}""", Encoding.UTF8, "application/json");
        using var response = await Osc.PostAsync("CreateSnapshot", content);

        AssertError((int)response.StatusCode, await JsonAsync(response), 429, "24", "AccessDenied");
        Assert.Equal("Request rate exceeded.", (await JsonAsync(response)).GetProperty("Errors")[0].GetProperty("Details").GetString());
        Assert.False(response.Headers.Contains("Retry-After"));
        Assert.Equal(0, Outscale.SnapshotCount());
    }

    [Fact]
    public async Task Status_503_fault_sends_the_code_6_body_with_retry_after_when_the_rule_says_so()
    {
        Host.Faults.Add(new FaultRule { Provider = "outscale", Kind = FaultKind.Status, StatusCode = 503, RetryAfter = TimeSpan.FromSeconds(2) });

        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await Osc.PostAsync("ReadSnapshots", content);

        AssertError((int)response.StatusCode, await JsonAsync(response), 503, "6", "AccessDenied");
        Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Other_fault_statuses_send_a_generic_code_0_body()
    {
        Host.Faults.Add(new FaultRule { Provider = "outscale", Kind = FaultKind.Status, StatusCode = 500 });

        var (status, body) = await OscAsync("ReadSnapshots");

        AssertError(status, body, 500, "0", "DefaultError");
    }

    [Fact]
    public async Task Outscale_fault_rules_leave_scaleway_alone_and_scaleway_rules_leave_outscale_alone()
    {
        Host.Faults.Add(new FaultRule { Provider = "outscale", Kind = FaultKind.Status, StatusCode = 503, Times = int.MaxValue });
        Host.Faults.Add(new FaultRule { Provider = "scaleway", Kind = FaultKind.Status, StatusCode = 429, Times = int.MaxValue });

        var (outscale, _) = await OscAsync("ReadSnapshots");
        var (scaleway, _) = await CallAsync(HttpMethod.Get, InstanceSnapshots);
        Host.Faults.Clear();
        var (afterClear, _) = await OscAsync("ReadSnapshots");

        Assert.Equal(503, outscale);
        Assert.Equal(429, scaleway);
        Assert.Equal(200, afterClear);
    }

    [Fact]
    public async Task Request_log_records_outscale_calls_without_any_credential()
    {
        await OkAsync("ReadSnapshots", """{"ResultsPerPage":5}""");
        await OscAsync(NewOutscaleClient(kind: OutscaleSignatureKind.Osc4, secretKey: "SKWRONG0000000000000000000000000000000000"), "ReadSnapshots");

        var recorded = Host.Requests.Snapshot();
        var everything = string.Join("\n", recorded.Select(request => request.ToString()));

        Assert.Equal(2, Host.Requests.Count("outscale", "POST", "/outscale/api/v1/ReadSnapshots"));
        Assert.Equal("""{"ResultsPerPage":5}""", recorded[0].Body);
        Assert.DoesNotContain(OutscaleFake.DefaultSecretKey, everything);
        Assert.DoesNotContain("SKWRONG", everything);
        Assert.DoesNotContain("Signature=", everything);
    }

    [Fact]
    public async Task Admin_info_lists_the_outscale_endpoint_and_default_credentials()
    {
        var body = await JsonAsync(await Admin().GetAsync("_emulator"));

        var outscale = body.GetProperty("providers").GetProperty("outscale");
        Assert.Equal(Host.OutscaleEndpoint.ToString(), outscale.GetProperty("endpoint").GetString());
        Assert.Equal(OutscaleFake.DefaultAccessKey, outscale.GetProperty("accessKey").GetString());
        Assert.Equal(OutscaleFake.DefaultSecretKey, outscale.GetProperty("secretKey").GetString());
        Assert.Equal(OutscaleFake.DefaultAccountId, outscale.GetProperty("accountId").GetString());
        Assert.Equal(OutscaleFake.DefaultRegion, outscale.GetProperty("region").GetString());
    }

    [Fact]
    public async Task Admin_seed_returns_ids_that_the_api_then_lists_with_names()
    {
        using var response = await Admin().PostAsync("_emulator/outscale/seed", Json("""{"volumes":1,"snapshots":3,"namePrefix":"x-"}"""));
        var seeded = await JsonAsync(response);
        var listed = (await OkAsync("ReadSnapshots")).GetProperty("Snapshots");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Matches("^vol-[0-9a-f]{8}$", seeded.GetProperty("volumes")[0].GetString());
        Assert.Equal(seeded.GetProperty("snapshots").EnumerateArray().Select(id => id.GetString()), Ids(listed));
        Assert.Equal(["x-001", "x-002", "x-003"], listed.EnumerateArray().Select(snapshot => snapshot.GetProperty("Description").GetString()!).ToArray());
        Assert.Equal("x-002", listed[1].GetProperty("Tags")[0].GetProperty("Value").GetString());
        Assert.Equal(seeded.GetProperty("volumes")[0].GetString(), listed[0].GetProperty("VolumeId").GetString());
    }

    [Fact]
    public async Task Admin_timings_are_set_in_seconds()
    {
        using var response = await Admin().PutAsync("_emulator/outscale/timings", Json("""{"snapshotDelay":0,"exportDelay":1.5}"""));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(TimeSpan.Zero, Outscale.Timings.SnapshotDelay);
        Assert.Equal(TimeSpan.FromSeconds(1.5), Outscale.Timings.ExportDelay);
        Assert.Equal(Delay, Outscale.Timings.ImportDelay);
    }

    [Fact]
    public async Task Admin_fail_next_arms_snapshot_and_export_failures()
    {
        using var response = await Admin().PostAsync("_emulator/outscale/fail-next", Json("""{"snapshots":1,"exportTasks":1}"""));
        var snapshot = (await CreateSnapshotAsync()).GetProperty("SnapshotId").GetString()!;
        var task = await OkAsync("CreateSnapshotExportTask",
            $$$"""{"SnapshotId":"{{{Outscale.SeedSnapshots(1).Single()}}}","OsuExport":{"DiskImageFormat":"raw","OsuBucket":"b"}}""");
        Clock.Advance(Delay);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("error", State(await ReadSnapshotAsync(snapshot)));
        var tasks = await OkAsync("ReadSnapshotExportTasks");
        Assert.Equal(task.GetProperty("SnapshotExportTask").GetProperty("TaskId").GetString(), tasks.GetProperty("SnapshotExportTasks")[0].GetProperty("TaskId").GetString());
        Assert.Equal("failed", State(tasks.GetProperty("SnapshotExportTasks")[0]));
    }

    [Fact]
    public void Console_line_is_a_copy_pasteable_connect_command_and_seeding_names_nightly_snapshots()
    {
        var provider = Host.Providers.All.Single(provider => provider.Name == "outscale");

        var line = Assert.Single(provider.DescribeForConsole(Host.BaseAddress));
        var seeded = Assert.Single(provider.SeedDemo(3));

        Assert.Equal(
            $"Outscale (eu-west-2): Connect-SnapshotProvider -Provider Outscale -Endpoint {Host.OutscaleEndpoint} " +
            $"-AccessKey {OutscaleFake.DefaultAccessKey} -SecretKey (ConvertTo-SecureString '{OutscaleFake.DefaultSecretKey}' -AsPlainText -Force) -Region eu-west-2",
            line);
        Assert.Matches("vol-[0-9a-f]{8}", seeded);
        Assert.Equal(3, Outscale.SnapshotCount());
    }

    [Fact]
    public void Fake_refuses_bad_arguments()
    {
        Assert.Throws<ArgumentException>(() => Outscale.AddAccount("AK", "SK", "12345"));
        Assert.Throws<ArgumentException>(() => Outscale.AddVolume(10, "999999999999"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Outscale.AddVolume(0));
        Assert.Throws<ArgumentException>(() => Outscale.SeedSnapshots(1, "vol-0badf00d"));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private HttpClient Admin() => Track(new HttpClient { BaseAddress = Host.BaseAddress });
}
