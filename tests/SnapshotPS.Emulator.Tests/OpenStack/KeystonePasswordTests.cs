namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>POST /v3/auth/tokens with the password method: user by id or by name with a domain, every scope, and the refusals.</summary>
public sealed class KeystonePasswordTests : OpenStackTestBase
{
    [Fact]
    public async Task User_by_name_and_domain_name_scoped_to_project_by_name_gets_201_with_the_token_in_the_header()
    {
        var answer = await IssueAsync(PasswordAuth(scope: ProjectScope()));

        Assert.Equal(201, answer.Status);
        Assert.StartsWith("gAAAAA", answer.Header("X-Subject-Token"));
        Assert.StartsWith("req-", answer.Header("x-openstack-request-id"));
        var token = answer.Body.GetProperty("token");
        Assert.DoesNotContain(answer.Header("X-Subject-Token")!, answer.Body.ToString());
        Assert.Equal(["password"], token.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(OpenStackFake.DemoUserId, token.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("Default", token.GetProperty("user").GetProperty("domain").GetProperty("name").GetString());
        Assert.Equal(OpenStackFake.DemoProjectId, token.GetProperty("project").GetProperty("id").GetString());
        Assert.Equal("default", token.GetProperty("project").GetProperty("domain").GetProperty("id").GetString());
        Assert.Contains("member", token.GetProperty("roles").EnumerateArray().Select(role => role.GetProperty("name").GetString()));
        Assert.Equal("2026-03-01T12:00:00.000000Z", token.GetProperty("issued_at").GetString());
        Assert.Equal("2026-03-01T13:00:00.000000Z", token.GetProperty("expires_at").GetString());
        Assert.False(token.GetProperty("is_domain").GetBoolean());
    }

    [Fact]
    public async Task User_by_id_scoped_to_project_by_id()
    {
        var answer = await IssueAsync($$"""
            {"auth": {"identity": {"methods": ["password"], "password": {"user": {"id": "{{OpenStackFake.DemoUserId}}", "password": "{{OpenStackFake.DemoPassword}}"} } },
              "scope": {"project": {"id": "{{OpenStackFake.DemoProjectId}}"} } } }
            """);

        Assert.Equal(201, answer.Status);
        Assert.Equal(OpenStackFake.DemoProjectName, answer.Body.GetProperty("token").GetProperty("project").GetProperty("name").GetString());
    }

    [Fact]
    public async Task User_and_project_domains_given_by_id_and_name_in_a_seeded_domain()
    {
        var domain = OpenStack.AddDomain("Acme");
        var project = OpenStack.AddProject("web", domain);
        var user = OpenStack.AddUser("carol", "pa55", domain);
        OpenStack.AssignProjectRole(user, project, "member");

        var answer = await IssueAsync($$"""
            {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "carol", "domain": {"id": "{{domain}}"}, "password": "pa55"} } },
              "scope": {"project": {"name": "web", "domain": {"name": "Acme"} } } } }
            """);

        Assert.Equal(201, answer.Status);
        Assert.Equal(project, answer.Body.GetProperty("token").GetProperty("project").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Domain_scope_gives_a_domain_token_whose_catalog_has_no_project_bound_cinder()
    {
        OpenStack.AssignDomainRole(OpenStackFake.AdminUserId, OpenStackFake.DefaultDomainId, "admin");

        var answer = await IssueAsync(PasswordAuth(OpenStackFake.AdminUserName, OpenStackFake.AdminPassword, """{"domain": {"name": "Default"}}"""));

        Assert.Equal(201, answer.Status);
        var token = answer.Body.GetProperty("token");
        Assert.Equal("default", token.GetProperty("domain").GetProperty("id").GetString());
        Assert.False(token.TryGetProperty("project", out _));
        Assert.Equal(["identity"], token.GetProperty("catalog").EnumerateArray().Select(service => service.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task No_scope_gives_the_default_project_and_explicit_unscoped_gives_no_catalog()
    {
        var defaulted = await IssueAsync(PasswordAuth());
        var unscoped = await IssueAsync(PasswordAuth(scope: "\"unscoped\""));
        var noDefault = OpenStack.AddUser("dave", "pw");
        var withoutDefault = await IssueAsync(PasswordAuth("dave", "pw"));

        Assert.Equal(OpenStackFake.DemoProjectId, defaulted.Body.GetProperty("token").GetProperty("project").GetProperty("id").GetString());
        Assert.Equal(201, unscoped.Status);
        Assert.False(unscoped.Body.GetProperty("token").TryGetProperty("catalog", out _));
        Assert.False(unscoped.Body.GetProperty("token").TryGetProperty("project", out _));
        Assert.False(string.IsNullOrEmpty(noDefault));
        Assert.Equal(201, withoutDefault.Status);
        Assert.False(withoutDefault.Body.GetProperty("token").TryGetProperty("catalog", out _));
    }

    [Theory]
    [InlineData("demo", "wrong-password")]
    [InlineData("nobody", "demo-password")]
    public async Task Unknown_user_or_wrong_password_gives_the_same_401_with_WWW_Authenticate(string user, string password)
    {
        var answer = await IssueAsync(PasswordAuth(user, password, ProjectScope()));

        AssertKeystoneError(answer, 401, "The request you have made requires authentication.");
        Assert.Equal("Unauthorized", answer.Body.GetProperty("error").GetProperty("title").GetString());
        Assert.Equal($"Keystone uri=\"{Host.BaseAddress}openstack/identity\"", answer.Header("WWW-Authenticate"));
        Assert.Null(answer.Header("X-Subject-Token"));
    }

    [Fact]
    public async Task Disabled_user_and_project_without_a_role_give_401()
    {
        OpenStack.AddUser("eve", "pw", enabled: false, defaultProject: "demo");
        OpenStack.AssignProjectRole("eve", "demo", "member");

        AssertKeystoneError(await IssueAsync(PasswordAuth("eve", "pw", ProjectScope())), 401);
        AssertKeystoneError(await IssueAsync(PasswordAuth(scope: ProjectScope("admin"))), 401);
        AssertKeystoneError(await IssueAsync(PasswordAuth(scope: ProjectScope("no-such-project"))), 401);
    }

    [Theory]
    [InlineData("""{"project": {"id": "a6944d763bf64ee6a275f1263fae0352"}, "domain": {"id": "default"}}""")]
    [InlineData("""{"project": {"name": "demo"}}""")]
    [InlineData("""{"project": {}}""")]
    [InlineData("""{}""")]
    [InlineData("""42""")]
    public async Task More_than_one_scope_or_a_malformed_one_gives_400(string scope)
    {
        AssertKeystoneError(await IssueAsync(PasswordAuth(scope: scope)), 400);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"auth": {}}""")]
    [InlineData("""{"auth": {"identity": {"methods": []}}}""")]
    [InlineData("""{"auth": {"identity": {"methods": ["password"], "password": {}}}}""")]
    [InlineData("""{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo", "password": "demo-password"}}}}}""")]
    [InlineData("""not json""")]
    public async Task Malformed_bodies_give_400(string body)
    {
        AssertKeystoneError(await IssueAsync(body), 400);
    }

    [Fact]
    public async Task Unsupported_method_gives_401()
    {
        var answer = await IssueAsync("""{"auth": {"identity": {"methods": ["totp"], "totp": {}}}}""");

        AssertKeystoneError(answer, 401, "Attempted to authenticate with an unsupported method.");
    }

    [Fact]
    public async Task System_scope_needs_a_system_role()
    {
        var admin = await IssueAsync(PasswordAuth(OpenStackFake.AdminUserName, OpenStackFake.AdminPassword, """{"system": {"all": true}}"""));
        var demo = await IssueAsync(PasswordAuth(scope: """{"system": {"all": true}}"""));

        Assert.Equal(201, admin.Status);
        Assert.True(admin.Body.GetProperty("token").GetProperty("system").GetProperty("all").GetBoolean());
        AssertKeystoneError(demo, 401);
    }
}
