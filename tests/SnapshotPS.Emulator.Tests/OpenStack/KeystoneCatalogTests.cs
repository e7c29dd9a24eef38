using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>The service catalog: Cinder under block-storage and volumev3, three interfaces in two regions, the project in the URL.</summary>
public sealed class KeystoneCatalogTests : OpenStackTestBase
{
    [Fact]
    public async Task Catalog_lists_block_storage_then_volumev3_then_identity()
    {
        var (_, token) = await TokenAsync();

        var types = token.GetProperty("catalog").EnumerateArray().Select(service => service.GetProperty("type").GetString()!).ToArray();

        Assert.Equal(["block-storage", "volumev3", "identity"], types);
        var names = token.GetProperty("catalog").EnumerateArray().Select(service => service.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["cinder", "cinderv3", "keystone"], names);
    }

    [Fact]
    public async Task Each_cinder_entry_has_public_internal_and_admin_in_both_regions_with_the_project_in_the_url()
    {
        var (_, token) = await TokenAsync();
        var service = token.GetProperty("catalog").EnumerateArray().First(entry => entry.GetProperty("type").GetString() == "block-storage");

        var endpoints = service.GetProperty("endpoints").EnumerateArray().ToArray();

        Assert.Equal(6, endpoints.Length);
        foreach (var region in new[] { RegionOne, RegionTwo })
        {
            foreach (var @interface in new[] { "public", "internal", "admin" })
            {
                var endpoint = Assert.Single(endpoints, e => e.GetProperty("region_id").GetString() == region && e.GetProperty("interface").GetString() == @interface);
                Assert.Equal(region, endpoint.GetProperty("region").GetString());
                Assert.Equal(32, endpoint.GetProperty("id").GetString()!.Length);
                Assert.EndsWith("/v3/" + OpenStackFake.DemoProjectId, endpoint.GetProperty("url").GetString());
                Assert.Contains("/openstack/" + region + "/", endpoint.GetProperty("url").GetString());
            }
        }

        Assert.Equal(endpoints.Length, endpoints.Select(e => e.GetProperty("url").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Catalog_can_be_changed_to_volume_type_and_urls_without_the_project()
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        using var put = await client.PutAsync("_emulator/openstack/catalog",
            new StringContent("""{"serviceTypes": ["volume"], "projectIdInUrl": false}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)put.StatusCode);

        var (_, token) = await TokenAsync();

        Assert.Equal(["volume", "identity"], token.GetProperty("catalog").EnumerateArray().Select(service => service.GetProperty("type").GetString()));
        Assert.EndsWith("/volume/v3", VolumeUrl(token, RegionTwo, type: "volume"));
    }

    [Fact]
    public async Task Version_discovery_at_the_auth_url_and_its_root()
    {
        var v3 = await SendAsync(HttpMethod.Get, Host.OpenStackAuthUrl.ToString());
        var root = await SendAsync(HttpMethod.Get, Host.BaseAddress + "openstack/identity");

        Assert.Equal(200, v3.Status);
        Assert.Equal("stable", v3.Body.GetProperty("version").GetProperty("status").GetString());
        Assert.Equal(Host.OpenStackAuthUrl + "/", v3.Body.GetProperty("version").GetProperty("links")[0].GetProperty("href").GetString());
        Assert.Equal(300, root.Status);
        Assert.StartsWith("v3.", root.Body.GetProperty("versions").GetProperty("values")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Nocatalog_leaves_the_catalog_out()
    {
        var answer = await IssueAsync(PasswordAuth(scope: ProjectScope()), "?nocatalog");

        Assert.Equal(201, answer.Status);
        Assert.False(answer.Body.GetProperty("token").TryGetProperty("catalog", out _));
    }

    [Fact]
    public async Task Get_auth_catalog_returns_the_catalog_alone()
    {
        var (value, token) = await TokenAsync();

        var answer = await SendAsync(HttpMethod.Get, Host.OpenStackAuthUrl + "/auth/catalog", token: value);

        Assert.Equal(200, answer.Status);
        Assert.Equal(token.GetProperty("catalog").GetRawText(), answer.Body.GetProperty("catalog").GetRawText());
    }

    [Fact]
    public async Task Identity_endpoint_in_the_catalog_is_the_auth_url_root()
    {
        var (_, token) = await TokenAsync();

        var identity = token.GetProperty("catalog").EnumerateArray().Single(service => service.GetProperty("type").GetString() == "identity");

        Assert.All(identity.GetProperty("endpoints").EnumerateArray(), endpoint =>
            Assert.Equal(Host.BaseAddress + "openstack/identity", endpoint.GetProperty("url").GetString()));
        Assert.Equal(JsonValueKind.Array, identity.GetProperty("endpoints").ValueKind);
    }
}
