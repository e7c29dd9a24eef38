using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.OpenStack;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>Choosing Cinder in a token's catalog by service type, region and interface (reference A.2).</summary>
public class CatalogTests
{
    private const string Project = "a6944d763bf64ee6a275f1263fae0352";

    private static CatalogEntry Service(string type, params (string Interface, string Region, string Url)[] endpoints) => new()
    {
        Type = type,
        Endpoints = endpoints.Select(e => new CatalogEndpoint { Interface = e.Interface, RegionId = e.Region, Url = e.Url }).ToList(),
    };

    private static OpenStackCatalog Catalog(params CatalogEntry[] entries) => new(entries, Project);

    [Fact]
    public void Block_storage_is_preferred_over_volumev3_and_volume_and_volumev2_is_never_taken()
    {
        var catalog = Catalog(
            Service("volumev2", ("public", "R1", "https://v2.example/v2/x")),
            Service("volume", ("public", "R1", "https://v1.example/v3/x")),
            Service("volumev3", ("public", "R1", "https://v3.example/v3/x")),
            Service("block-storage", ("public", "R1", "https://bs.example/v3/x")));

        Assert.Equal("bs.example", catalog.BlockStorage("R1", "public", false).Endpoint.Host);
        Assert.Equal("v3.example", Catalog(Service("volumev2", ("public", "R1", "https://v2.example/")), Service("volumev3", ("public", "R1", "https://v3.example/"))).BlockStorage(null, "public", false).Endpoint.Host);
        Assert.Equal("v1.example", Catalog(Service("volume", ("public", "R1", "https://v1.example/"))).BlockStorage(null, "public", false).Endpoint.Host);
        Assert.Throws<CloudApiException>(() => Catalog(Service("volumev2", ("public", "R1", "https://v2.example/"))).BlockStorage(null, "public", false));
    }

    [Fact]
    public void A_later_type_serves_a_region_the_first_type_lacks()
    {
        var catalog = Catalog(Service("block-storage", ("public", "R1", "https://one.example/")), Service("volumev3", ("public", "R2", "https://two.example/")));

        Assert.Equal(("two.example", "R2"), (catalog.BlockStorage("R2", "public", false).Endpoint.Host, catalog.BlockStorage("R2", "public", false).Region));
    }

    [Fact]
    public void The_region_and_the_interface_choose_the_endpoint()
    {
        var catalog = Catalog(Service("block-storage",
            ("public", "R1", "https://r1-public.example/"), ("internal", "R1", "http://10.0.0.5:8776/"),
            ("public", "R2", "https://r2-public.example/"), ("admin", "R2", "https://r2-admin.example/")));

        Assert.Equal("r1-public.example", catalog.BlockStorage("R1", "public", false).Endpoint.Host);
        Assert.Equal("r2-public.example", catalog.BlockStorage("R2", "public", false).Endpoint.Host);
        Assert.Equal("r2-admin.example", catalog.BlockStorage("R2", "admin", false).Endpoint.Host);
        Assert.Equal("10.0.0.5", catalog.BlockStorage("R1", "internal", allowUnencrypted: true).Endpoint.Host);
    }

    [Fact]
    public void A_region_the_catalog_lacks_is_an_error_naming_Region_and_listing_the_regions()
    {
        var catalog = Catalog(Service("block-storage", ("public", "RegionOne", "https://a.example/"), ("public", "RegionTwo", "https://b.example/")));

        var refused = Assert.Throws<ArgumentException>(() => catalog.BlockStorage("RegionThree", "public", false));

        Assert.Equal("Region", refused.ParamName);
        Assert.Contains("'RegionThree'", refused.Message);
        Assert.Contains("RegionOne, RegionTwo", refused.Message);
    }

    [Fact]
    public void Without_a_region_the_only_one_is_taken_and_several_are_an_error_listing_them()
    {
        Assert.Equal("RegionOne", Catalog(Service("block-storage", ("public", "RegionOne", "https://a.example/"))).BlockStorage(null, "public", false).Region);

        var refused = Assert.Throws<ArgumentException>(() =>
            Catalog(Service("block-storage", ("public", "RegionOne", "https://a.example/"), ("public", "RegionTwo", "https://b.example/"))).BlockStorage(null, "public", false));
        Assert.Equal("Region", refused.ParamName);
        Assert.Contains("RegionOne, RegionTwo", refused.Message);
    }

    [Fact]
    public void An_interface_the_catalog_lacks_is_an_error_naming_Interface_and_listing_those_it_has()
    {
        var refused = Assert.Throws<ArgumentException>(() =>
            Catalog(Service("block-storage", ("public", "R1", "https://a.example/"), ("internal", "R1", "https://i.example/"))).BlockStorage("R1", "admin", false));

        Assert.Equal("Interface", refused.ParamName);
        Assert.Contains("internal, public", refused.Message);
    }

    [Theory]
    [InlineData("https://cinder.example:8776/v3/{project_id}")]
    [InlineData("https://cinder.example:8776/v3/$(project_id)s")]
    [InlineData("https://cinder.example:8776/v3/%(tenant_id)s")]
    public void Project_id_templates_in_endpoint_urls_are_filled_with_the_token_project(string template)
    {
        var endpoint = Catalog(Service("block-storage", ("public", "R1", template))).BlockStorage("R1", "public", false).Endpoint;

        Assert.Equal($"https://cinder.example:8776/v3/{Project}/", endpoint.AbsoluteUri);
    }

    [Fact]
    public void An_endpoint_ending_at_v3_is_used_as_given()
    {
        Assert.Equal("https://cinder.example/v3/", Catalog(Service("block-storage", ("public", "R1", "https://cinder.example/v3"))).BlockStorage("R1", "public", false).Endpoint.AbsoluteUri);
    }

    [Fact]
    public void A_plain_http_endpoint_on_another_machine_is_refused_unless_allowed()
    {
        var catalog = Catalog(Service("block-storage", ("public", "R1", "http://cinder.example:8776/v3/x")));

        Assert.Equal("AllowUnencryptedEndpoint", Assert.Throws<ArgumentException>(() => catalog.BlockStorage("R1", "public", false)).ParamName);
        Assert.Equal("cinder.example", catalog.BlockStorage("R1", "public", allowUnencrypted: true).Endpoint.Host);
    }

    [Fact]
    public void An_empty_catalog_says_so()
    {
        var failure = Assert.Throws<CloudApiException>(() => new OpenStackCatalog(null, null).BlockStorage(null, "public", false));

        Assert.Contains("catalog is empty", failure.Message);
    }
}
