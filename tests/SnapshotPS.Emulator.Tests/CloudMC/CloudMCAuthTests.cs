namespace SnapshotPS.Emulator.Tests.CloudMC;

public sealed class CloudMCAuthTests : CloudMCTestBase
{
    [Fact]
    public async Task A_missing_or_unknown_key_is_403_with_errors_by_default()
    {
        var (status, body) = await McAsync(HttpMethod.Get, Snapshots, client: CloudMCClient(null));
        AssertErrors(status, body, 403, 1001);

        (status, body) = await McAsync(HttpMethod.Get, Snapshots, client: CloudMCClient("wrong-key"));
        AssertErrors(status, body, 403, 1001);
    }

    [Fact]
    public async Task The_dialect_can_answer_401_and_string_error_codes()
    {
        CloudMC.Dialect.AuthFailureStatus = 401;
        CloudMC.Dialect.NumericErrorCodes = false;

        var (status, body) = await McAsync(HttpMethod.Get, Snapshots, client: CloudMCClient("wrong-key"));

        Assert.Equal(401, status);
        var entry = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("AUTHENTICATION_FAILED", entry.GetProperty("errorCode").GetString());
        Assert.False(entry.TryGetProperty("code", out _));
    }

    [Fact]
    public async Task Org_id_scopes_the_data_to_a_sub_organization()
    {
        var sub = CloudMC.AddOrganization();
        CloudMC.AddEnvironment("test_area", organizationId: sub);
        CloudMC.SeedSnapshots(CloudMC.AddVolume(organizationId: sub), 4, "sub-");
        CloudMC.SeedSnapshots(CloudMC.AddVolume(), 1, "own-");

        var (_, own) = await McAsync(HttpMethod.Get, Snapshots);
        var (_, scoped) = await McAsync(HttpMethod.Get, $"{Snapshots}?org_id={sub}");

        Assert.Equal(1, own.GetProperty("data").GetArrayLength());
        Assert.Equal(4, scoped.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Org_id_of_an_organization_the_key_cannot_reach_is_403()
    {
        var otherKey = "other-organization-key";
        var other = CloudMC.AddOrganization(apiKey: otherKey);
        var sibling = CloudMC.AddOrganization();

        var (status, body) = await McAsync(HttpMethod.Get, $"{Snapshots}?org_id={sibling}", client: CloudMCClient(otherKey));

        AssertErrors(status, body, 403, 1002);
        Assert.NotEqual(other, sibling);
    }
}
