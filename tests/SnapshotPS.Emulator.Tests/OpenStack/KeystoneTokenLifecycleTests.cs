namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>Tokens expire (lifetime configurable), can be validated (GET, HEAD), revoked (DELETE) and ended early by the admin surface.</summary>
public sealed class KeystoneTokenLifecycleTests : OpenStackTestBase
{
    [Fact]
    public async Task Get_validates_a_token_and_returns_its_body_with_the_subject_header()
    {
        var (value, _) = await TokenAsync();

        var answer = await SendAsync(HttpMethod.Get, TokensUrl, token: value, headers: new Dictionary<string, string> { ["X-Subject-Token"] = value });

        Assert.Equal(200, answer.Status);
        Assert.Equal(value, answer.Header("X-Subject-Token"));
        Assert.Equal(OpenStackFake.DemoProjectId, answer.Body.GetProperty("token").GetProperty("project").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Head_validates_without_a_body()
    {
        var (value, _) = await TokenAsync();

        var answer = await SendAsync(HttpMethod.Head, TokensUrl, token: value, headers: new Dictionary<string, string> { ["X-Subject-Token"] = value });

        Assert.Equal(200, answer.Status);
        Assert.Equal(default, answer.Body.ValueKind);
    }

    [Fact]
    public async Task Expired_token_gives_404_on_validation_unless_allow_expired()
    {
        var (admin, _) = await TokenAsync(OpenStackFake.AdminUserName, OpenStackFake.AdminPassword, OpenStackFake.AdminProjectName);
        var (value, _) = await TokenAsync();
        OpenStack.ExpireTokens(OpenStackFake.DemoUserName);
        var subject = new Dictionary<string, string> { ["X-Subject-Token"] = value };

        AssertKeystoneError(await SendAsync(HttpMethod.Get, TokensUrl, token: admin, headers: subject), 404);
        Assert.Equal(200, (await SendAsync(HttpMethod.Get, TokensUrl + "?allow_expired=1", token: admin, headers: subject)).Status);
    }

    [Fact]
    public async Task Token_expires_after_the_configured_lifetime()
    {
        using var admin = new HttpClient { BaseAddress = Host.BaseAddress };
        using var put = await admin.PutAsync("_emulator/openstack/timings",
            new StringContent("""{"tokenLifetime": 120}""", System.Text.Encoding.UTF8, "application/json"));
        var (value, token) = await TokenAsync();
        var subject = new Dictionary<string, string> { ["X-Subject-Token"] = value };

        Assert.Equal("2026-03-01T12:02:00.000000Z", token.GetProperty("expires_at").GetString());
        Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(200, (await SendAsync(HttpMethod.Get, TokensUrl, token: value, headers: subject)).Status);
        Clock.Advance(TimeSpan.FromSeconds(1));
        AssertKeystoneError(await SendAsync(HttpMethod.Get, TokensUrl, token: value, headers: subject), 401);
    }

    [Fact]
    public async Task Delete_revokes_the_subject_token_with_204()
    {
        var (value, _) = await TokenAsync();
        var subject = new Dictionary<string, string> { ["X-Subject-Token"] = value };

        var revoke = await SendAsync(HttpMethod.Delete, TokensUrl, token: value, headers: subject);
        var again = await SendAsync(HttpMethod.Get, TokensUrl, token: value, headers: subject);

        Assert.Equal(204, revoke.Status);
        AssertKeystoneError(again, 401);
    }

    [Fact]
    public async Task A_user_cannot_validate_another_users_token_but_an_admin_can()
    {
        var (demo, _) = await TokenAsync();
        var (admin, _) = await TokenAsync(OpenStackFake.AdminUserName, OpenStackFake.AdminPassword, OpenStackFake.AdminProjectName);

        AssertKeystoneError(await SendAsync(HttpMethod.Get, TokensUrl, token: demo, headers: new Dictionary<string, string> { ["X-Subject-Token"] = admin }), 403);
        Assert.Equal(200, (await SendAsync(HttpMethod.Get, TokensUrl, token: admin, headers: new Dictionary<string, string> { ["X-Subject-Token"] = demo })).Status);
    }

    [Fact]
    public async Task Admin_surface_expires_and_revokes_tokens_by_user()
    {
        var (demo, _) = await TokenAsync();
        var (admin, _) = await TokenAsync(OpenStackFake.AdminUserName, OpenStackFake.AdminPassword, OpenStackFake.AdminProjectName);
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };

        using var expire = await client.PostAsync("_emulator/openstack/tokens/expire",
            new StringContent("""{"user": "demo"}""", System.Text.Encoding.UTF8, "application/json"));
        using var revoke = await client.PostAsync("_emulator/openstack/tokens/revoke", new StringContent(""));

        Assert.Contains("\"expired\":1", await expire.Content.ReadAsStringAsync());
        Assert.Contains("\"revoked\":1", await revoke.Content.ReadAsStringAsync());
        var check = await SendAsync(HttpMethod.Get, Host.OpenStackAuthUrl + "/auth/catalog", token: admin);
        AssertKeystoneError(check, 401);
        Assert.Null(OpenStack.Identity.ValidToken(demo, Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Validation_without_a_token_gives_401()
    {
        AssertKeystoneError(await SendAsync(HttpMethod.Get, TokensUrl), 401);
    }
}
