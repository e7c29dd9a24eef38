namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>POST /v3/auth/tokens with application_credential: by id, by name with the user, and the refusals.</summary>
public sealed class KeystoneApplicationCredentialTests : OpenStackTestBase
{
    [Fact]
    public async Task By_id_gives_a_token_for_the_credentials_project_naming_the_credential()
    {
        var answer = await IssueAsync($$"""
            {"auth": {"identity": {"methods": ["application_credential"],
              "application_credential": {"id": "{{OpenStackFake.DemoApplicationCredentialId}}", "secret": "{{OpenStackFake.DemoApplicationCredentialSecret}}"} } } }
            """);

        Assert.Equal(201, answer.Status);
        var token = answer.Body.GetProperty("token");
        Assert.Equal(["application_credential"], token.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(OpenStackFake.DemoProjectId, token.GetProperty("project").GetProperty("id").GetString());
        var credential = token.GetProperty("application_credential");
        Assert.Equal(OpenStackFake.DemoApplicationCredentialId, credential.GetProperty("id").GetString());
        Assert.Equal(OpenStackFake.DemoApplicationCredentialName, credential.GetProperty("name").GetString());
        Assert.True(credential.GetProperty("restricted").GetBoolean());
        Assert.False(credential.TryGetProperty("secret", out _));
        Assert.NotEmpty(token.GetProperty("catalog").EnumerateArray());
    }

    [Fact]
    public async Task By_name_with_the_user_by_id_or_by_name_and_domain()
    {
        var byUserId = await IssueAsync($$"""
            {"auth": {"identity": {"methods": ["application_credential"], "application_credential":
              {"name": "snapshotps", "secret": "{{OpenStackFake.DemoApplicationCredentialSecret}}", "user": {"id": "{{OpenStackFake.DemoUserId}}"} } } } }
            """);
        var byUserName = await IssueAsync($$"""
            {"auth": {"identity": {"methods": ["application_credential"], "application_credential":
              {"name": "snapshotps", "secret": "{{OpenStackFake.DemoApplicationCredentialSecret}}", "user": {"name": "demo", "domain": {"name": "Default"} } } } } }
            """);

        Assert.Equal(201, byUserId.Status);
        Assert.Equal(201, byUserName.Status);
        Assert.Equal(OpenStackFake.DemoUserId, byUserName.Body.GetProperty("token").GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_scope_sent_with_an_application_credential_gives_401_with_the_references_message()
    {
        var answer = await IssueAsync($$"""
            {"auth": {"identity": {"methods": ["application_credential"],
              "application_credential": {"id": "{{OpenStackFake.DemoApplicationCredentialId}}", "secret": "{{OpenStackFake.DemoApplicationCredentialSecret}}"} },
              "scope": {"project": {"id": "{{OpenStackFake.DemoProjectId}}"} } } }
            """);

        AssertKeystoneError(answer, 401,
            "Error authenticating with application credential: Application credentials cannot request a scope.");
    }

    [Theory]
    [InlineData("""{"id": "423f19a4ac1e4f48bbb4180756e6eb6c", "secret": "wrong"}""")]
    [InlineData("""{"id": "00000000000000000000000000000000", "secret": "emulator-app-credential-secret"}""")]
    [InlineData("""{"name": "other", "secret": "emulator-app-credential-secret", "user": {"id": "ee4dfb6e5540447cb3741905149d9b6e"}}""")]
    public async Task Wrong_secret_or_unknown_credential_gives_401(string credential)
    {
        AssertKeystoneError(await IssueAsync($$"""{"auth": {"identity": {"methods": ["application_credential"], "application_credential": {{credential}}} } }"""), 401);
    }

    [Theory]
    [InlineData("""{"id": "423f19a4ac1e4f48bbb4180756e6eb6c"}""")]
    [InlineData("""{"secret": "s"}""")]
    [InlineData("""{"name": "snapshotps", "secret": "s"}""")]
    public async Task Missing_secret_id_or_user_gives_400(string credential)
    {
        AssertKeystoneError(await IssueAsync($$"""{"auth": {"identity": {"methods": ["application_credential"], "application_credential": {{credential}}} } }"""), 400);
    }

    [Fact]
    public async Task Expired_credential_gives_401_and_seeded_one_works_until_then()
    {
        var (id, secret) = OpenStack.AddApplicationCredential("demo", "short", expiresAt: Clock.GetUtcNow().AddMinutes(5));
        var body = $$"""{"auth": {"identity": {"methods": ["application_credential"], "application_credential": {"id": "{{id}}", "secret": "{{secret}}"} } } }""";

        Assert.Equal(201, (await IssueAsync(body)).Status);
        Clock.Advance(TimeSpan.FromMinutes(5));
        AssertKeystoneError(await IssueAsync(body), 401);
    }
}
