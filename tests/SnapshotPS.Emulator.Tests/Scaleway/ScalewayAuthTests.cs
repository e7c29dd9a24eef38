using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Scaleway;

public sealed class ScalewayAuthTests : EmulatorTestBase
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SCWEMULATOR000000000")]
    [InlineData("not-a-uuid")]
    public async Task Missing_empty_or_malformed_token_is_denied_with_reason_invalid_argument(string? token)
    {
        using var response = await SendAsync(NewClient(token), HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(401, (int)response.StatusCode);
        AssertDenied(await JsonAsync(response), "invalid_argument");
    }

    [Fact]
    public async Task Unknown_uuid_token_is_denied_with_reason_not_found()
    {
        using var response = await SendAsync(NewClient(Guid.NewGuid().ToString()), HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(401, (int)response.StatusCode);
        AssertDenied(await JsonAsync(response), "not_found");
    }

    [Fact]
    public async Task Denied_body_is_the_gateways_compact_json()
    {
        using var response = await SendAsync(NewClient(null), HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(
            """{"message":"authentication is denied","method":"api_key","reason":"invalid_argument","type":"denied_authentication"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET", BlockSnapshots)]
    [InlineData("POST", InstanceSnapshots)]
    [InlineData("DELETE", InstanceSnapshots + "/6b3b1d2c-1b6a-4c3e-9f57-0a8d2d6c9b11")]
    [InlineData("GET", "instance/v1/zones/fr-par-1/volumes/6b3b1d2c-1b6a-4c3e-9f57-0a8d2d6c9b11")]
    public async Task Every_route_requires_the_token(string method, string path)
    {
        var before = Scaleway.InstanceSnapshotCount(Zone);

        using var response = await SendAsync(NewClient(null), new HttpMethod(method), path, method == "POST" ? "{}" : null);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal(before, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public async Task Default_secret_key_is_accepted()
    {
        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Key_added_with_AddProject_is_accepted()
    {
        var key = Guid.NewGuid().ToString();
        Scaleway.AddProject(key, Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

        using var response = await SendAsync(NewClient(key), HttpMethod.Get, BlockSnapshots);

        Assert.Equal(200, (int)response.StatusCode);
    }

    private static void AssertDenied(JsonElement body, string reason)
    {
        Assert.Equal("denied_authentication", body.GetProperty("type").GetString());
        Assert.Equal("api_key", body.GetProperty("method").GetString());
        Assert.Equal(reason, body.GetProperty("reason").GetString());
        Assert.Equal("authentication is denied", body.GetProperty("message").GetString());
    }
}
