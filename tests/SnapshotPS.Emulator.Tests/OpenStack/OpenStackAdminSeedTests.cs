using System.Text;
using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>The /_emulator/openstack seeding surface, driven over HTTP as people and Pester scripts use it.</summary>
public sealed class OpenStackAdminSeedTests : OpenStackTestBase
{
    [Fact]
    public async Task Seeded_domain_project_user_and_application_credential_can_authenticate()
    {
        var domain = await AdminAsync("domains", """{"name": "Acme"}""");
        var project = await AdminAsync("projects", """{"name": "ops", "domain": "Acme"}""");
        await AdminAsync("users", """{"name": "ops-bot", "password": "bot-pw", "domain": "Acme", "defaultProject": "ops", "roles": [{"role": "member", "project": "ops"}]}""");
        var credential = await AdminAsync("application-credentials", """{"user": "ops-bot", "name": "ci", "secret": "ci-secret"}""");

        var byPassword = await IssueAsync("""
            {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "ops-bot", "domain": {"name": "Acme"}, "password": "bot-pw"}}},
              "scope": {"project": {"name": "ops", "domain": {"name": "Acme"}}}}}
            """);
        var byCredential = await IssueAsync($$"""
            {"auth": {"identity": {"methods": ["application_credential"], "application_credential": {"id": "{{credential.GetProperty("id").GetString()}}", "secret": "ci-secret"} } } }
            """);

        Assert.Equal(32, domain.GetProperty("id").GetString()!.Length);
        Assert.Equal(201, byPassword.Status);
        Assert.Equal(project.GetProperty("id").GetString(), byCredential.Body.GetProperty("token").GetProperty("project").GetProperty("id").GetString());
        Assert.Equal("ci-secret", credential.GetProperty("secret").GetString());
    }

    [Fact]
    public async Task Seeded_admin_role_is_in_the_token()
    {
        await AdminAsync("users", """{"name": "root", "password": "pw", "roles": [{"role": "admin", "project": "demo"}]}""");

        var answer = await IssueAsync(PasswordAuth("root", "pw", ProjectScope()));

        Assert.Equal(["admin"], answer.Body.GetProperty("token").GetProperty("roles").EnumerateArray().Select(role => role.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("users", """{"name": "x"}""")]
    [InlineData("projects", """{"name": "p", "domain": "nowhere"}""")]
    [InlineData("users", """{"name": "demo", "password": "again"}""")]
    [InlineData("snapshots", """{"volumeId": "nope", "count": 1}""")]
    [InlineData("volumes", """{"region": "RegionNine"}""")]
    public async Task Bad_seed_requests_give_400_with_a_message(string route, string body)
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        using var response = await client.PostAsync("_emulator/openstack/" + route, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Admin_description_lists_the_openstack_fake()
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };

        var described = JsonDocument.Parse(await client.GetStringAsync("_emulator")).RootElement.GetProperty("providers").GetProperty("openstack");

        Assert.Equal(Host.OpenStackAuthUrl.ToString(), described.GetProperty("authUrl").GetString());
        Assert.Contains("POST /_emulator/openstack/snapshots", described.GetProperty("admin").EnumerateArray().Select(route => route.GetString()));
    }

    private async Task<JsonElement> AdminAsync(string route, string body)
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        using var response = await client.PostAsync("_emulator/openstack/" + route, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 200, $"{route}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
