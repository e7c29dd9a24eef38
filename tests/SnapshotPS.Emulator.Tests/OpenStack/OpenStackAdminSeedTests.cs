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
    public async Task Five_thousand_snapshots_seeded_in_bulk_page_out_in_1000s_by_marker()
    {
        var seeded = await AdminAsync("snapshots", """{"count": 5000, "namePrefix": "bulk-", "size": 20, "metadata": {"policy": "nightly"} }""");
        var session = await CinderSessionAsync();
        var names = new List<string>();
        var url = session.Url + "/snapshots";
        var pages = 0;

        for (; url is not null; pages++)
        {
            var answer = await SendAsync(HttpMethod.Get, url, token: session.Token);
            names.AddRange(Names(answer));
            url = answer.Body.TryGetProperty("snapshots_links", out var links) ? links[0].GetProperty("href").GetString() : null;
        }

        Assert.Equal(5000, seeded.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(6, pages);
        Assert.Equal(Enumerable.Range(1, 5000).Reverse().Select(i => $"bulk-{i:D4}"), names);
        Assert.Equal(5000, OpenStack.SnapshotCount());
    }

    [Fact]
    public async Task Seeded_volume_in_use_and_timings_and_fail_next_via_http()
    {
        var volume = (await AdminAsync("volumes", """{"status": "in-use", "size": 4}""")).GetProperty("volumes")[0].GetString();
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        using var timings = await client.PutAsync("_emulator/openstack/timings", new StringContent("""{"snapshotDelay": 0}""", Encoding.UTF8, "application/json"));
        await AdminAsync("fail-next", """{"creates": 1}""");
        var session = await CinderSessionAsync();

        var created = await CinderAsync(session, HttpMethod.Post, "/snapshots", $$"""{"snapshot": {"volume_id": "{{volume}}", "force": true} }""");
        var id = created.Body.GetProperty("snapshot").GetProperty("id").GetString()!;

        Assert.Equal(4, created.Body.GetProperty("snapshot").GetProperty("size").GetInt32());
        Assert.Contains("\"snapshotDelay\":0", await timings.Content.ReadAsStringAsync());
        Assert.Equal("error", OpenStack.SnapshotStatus(id));
    }

    [Fact]
    public async Task Seed_makes_volumes_and_snapshots_of_the_first_in_the_region_asked()
    {
        var seeded = await AdminAsync("seed", """{"region": "RegionTwo", "volumes": 2, "snapshots": 3, "namePrefix": "p-"}""");
        var session = await CinderSessionAsync(region: RegionTwo);

        var answer = await CinderAsync(session, HttpMethod.Get, "/snapshots?volume_id=" + seeded.GetProperty("volumes")[0].GetString());

        Assert.Equal(2, seeded.GetProperty("volumes").GetArrayLength());
        Assert.Equal(["p-0003", "p-0002", "p-0001"], Names(answer));
        Assert.Equal(0, OpenStack.SnapshotCount(RegionOne));
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
