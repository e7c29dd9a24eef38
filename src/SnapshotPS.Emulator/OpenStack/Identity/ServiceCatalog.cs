using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Identity;

/// <summary>
/// The catalog a scoped token carries (reference A.1, A.2): Keystone itself, and the fake Cinder under each
/// configured service type, with public, internal and admin endpoints in both regions. Keystone leaves out
/// endpoints whose URL needs a project when the token has none, so a domain-scoped token lists no Cinder.
/// </summary>
internal static class ServiceCatalog
{
    public static readonly IReadOnlyList<string> Interfaces = ["public", "internal", "admin"];

    /// <summary>{base}openstack/identity: the auth URL; clients append /v3/auth/tokens.</summary>
    public static string IdentityUrl(Uri baseAddress) => new Uri(baseAddress, "openstack/identity").ToString();

    /// <summary>The Cinder v3 base of a region and interface, e.g. {base}openstack/RegionOne/volume/v3/{project_id}.</summary>
    public static string VolumeUrl(Uri baseAddress, string region, string @interface, string? projectId)
    {
        var service = @interface == "public" ? "volume" : "volume-" + @interface;
        var url = new Uri(baseAddress, $"openstack/{region}/{service}/v3").ToString();
        return projectId is null ? url : url + "/" + projectId;
    }

    public static JsonArray Build(Uri baseAddress, OpenStackFake fake, IssuedToken token)
    {
        var catalog = new JsonArray();
        var projectId = token.Project?.Id;
        if (projectId is not null || !fake.CatalogProjectIdInUrl)
        {
            foreach (var type in fake.CatalogServiceTypes)
            {
                var endpoints = new JsonArray();
                foreach (var region in OpenStackFake.Regions)
                {
                    foreach (var @interface in Interfaces)
                    {
                        var url = VolumeUrl(baseAddress, region, @interface, fake.CatalogProjectIdInUrl ? projectId : null);
                        endpoints.Add(Endpoint(type, region, @interface, url));
                    }
                }

                catalog.Add(Service(type, type == "block-storage" ? "cinder" : "cinder" + (type == "volumev3" ? "v3" : ""), endpoints));
            }
        }

        var identity = new JsonArray(Interfaces.Select(@interface =>
            (JsonNode)Endpoint("identity", OpenStackFake.RegionOne, @interface, IdentityUrl(baseAddress))).ToArray());
        catalog.Add(Service("identity", "keystone", identity));
        return catalog;
    }

    private static JsonObject Service(string type, string name, JsonArray endpoints) => new()
    {
        ["endpoints"] = endpoints,
        ["id"] = StableId("service:" + type),
        ["type"] = type,
        ["name"] = name,
    };

    private static JsonObject Endpoint(string type, string region, string @interface, string url) => new()
    {
        ["id"] = StableId($"endpoint:{type}:{region}:{@interface}"),
        ["interface"] = @interface,
        ["region"] = region,
        ["region_id"] = region,
        ["url"] = url,
    };

    private static string StableId(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
