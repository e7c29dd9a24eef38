using System.Text.RegularExpressions;

namespace SnapshotPS.Emulator.Tests.Scaleway;

public sealed class ScalewayRoutingTests : EmulatorTestBase
{
    private const string UnknownId = "6b3b1d2c-1b6a-4c3e-9f57-0a8d2d6c9b11";

    [Theory]
    [InlineData("instance/v1/zones/fr-par-9/snapshots")]
    [InlineData("instance/v1/zones/us-east-1/snapshots/" + UnknownId)]
    [InlineData("block/v1/zones/it-mil-1/snapshots")]
    public async Task Unknown_zone_is_400_invalid_arguments_on_zone(string path)
    {
        var (status, body) = await CallAsync(HttpMethod.Get, path);

        AssertInvalidArgument(status, body, "zone", "constraint");
    }

    [Fact]
    public async Task It_mil_1_is_an_instance_zone()
    {
        var (status, body) = await CallAsync(HttpMethod.Get, "instance/v1/zones/it-mil-1/snapshots");

        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("snapshots").GetArrayLength());
    }

    [Theory]
    [InlineData(InstanceSnapshots + "/not-a-uuid", "snapshot_id")]
    [InlineData(BlockSnapshots + "/12345", "snapshot_id")]
    [InlineData("instance/v1/zones/fr-par-1/volumes/nope", "volume_id")]
    public async Task Malformed_path_id_is_400_with_reason_format(string path, string argument)
    {
        var (status, body) = await CallAsync(HttpMethod.Get, path);

        AssertInvalidArgument(status, body, argument, "format");
    }

    [Fact]
    public async Task Unknown_instance_snapshot_is_404_with_the_observed_body()
    {
        using var response = await SendAsync(HttpMethod.Get, $"{InstanceSnapshots}/{UnknownId}");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal(
            $$"""{"type": "not_found", "message": "resource is not found", "resource": "instance_snapshot", "resource_id": "{{UnknownId}}"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_instance_volume_is_404_instance_volume()
    {
        var (status, body) = await CallAsync(HttpMethod.Get, $"instance/v1/zones/fr-par-1/volumes/{UnknownId}");

        Assert.Equal(404, status);
        Assert.Equal("instance_volume", body.GetProperty("resource").GetString());
        Assert.Equal(UnknownId, body.GetProperty("resource_id").GetString());
    }

    [Fact]
    public async Task Instance_volume_is_served_wrapped_with_its_size_and_type()
    {
        var id = Scaleway.AddInstanceVolume(Zone, "db", 40_000_000_000, "l_ssd");

        var (status, body) = await CallAsync(HttpMethod.Get, $"instance/v1/zones/fr-par-1/volumes/{id}");

        Assert.Equal(200, status);
        var volume = body.GetProperty("volume");
        Assert.Equal(id, volume.GetProperty("id").GetString());
        Assert.Equal("db", volume.GetProperty("name").GetString());
        Assert.Equal("l_ssd", volume.GetProperty("volume_type").GetString());
        Assert.Equal(40_000_000_000, volume.GetProperty("size").GetInt64());
        Assert.Equal("available", volume.GetProperty("state").GetString());
        Assert.Equal(ScalewayFake.DefaultProjectId, volume.GetProperty("project").GetString());
    }

    [Fact]
    public async Task Unknown_path_under_scaleway_is_404_json_not_found()
    {
        var (status, body) = await CallAsync(HttpMethod.Get, "instance/v1/zones/fr-par-1/servers");

        Assert.Equal(404, status);
        Assert.Equal("not_found", body.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Responses_carry_a_uuid_request_id_and_json_content_type()
    {
        using var ok = await SendAsync(HttpMethod.Get, InstanceSnapshots);
        using var denied = await SendAsync(NewClient(null), HttpMethod.Get, InstanceSnapshots);

        foreach (var response in new[] { ok, denied })
        {
            Assert.True(Guid.TryParse(response.Headers.GetValues("X-Request-Id").Single(), out _));
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Instance_json_has_a_space_after_colons_and_commas_and_microsecond_dates()
    {
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1).Single();

        using var response = await SendAsync(HttpMethod.Get, $"{InstanceSnapshots}/{id}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.StartsWith($$"""{"snapshot": {"id": "{{id}}", "name": "seed-001", """, text);
        Assert.Matches(new Regex("\"creation_date\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00\""), text);
    }
}
