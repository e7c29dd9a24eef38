namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>Tokens on Cinder routes (401 in Keystone's shape), microversion negotiation, request ids, interfaces and project-less URLs.</summary>
public sealed class CinderAuthVersionTests : OpenStackTestBase
{
    [Fact]
    public async Task Missing_unknown_expired_and_revoked_tokens_give_401_in_keystone_shape()
    {
        var session = await CinderSessionAsync();
        var missing = await SendAsync(HttpMethod.Get, session.Url + "/snapshots");
        var unknown = await SendAsync(HttpMethod.Get, session.Url + "/snapshots", token: "gAAAAABnot-a-token");
        var fine = await CinderAsync(session, HttpMethod.Get, "/snapshots");
        Clock.Advance(TimeSpan.FromHours(1));
        var expired = await CinderAsync(session, HttpMethod.Get, "/snapshots");
        var fresh = await CinderSessionAsync();
        OpenStack.RevokeTokens();
        var revoked = await CinderAsync(fresh, HttpMethod.Get, "/snapshots");

        Assert.Equal(200, fine.Status);
        foreach (var answer in new[] { missing, unknown, expired, revoked })
        {
            AssertKeystoneError(answer, 401, "The request you have made requires authentication.");
            Assert.Equal($"Keystone uri=\"{Host.BaseAddress}openstack/identity\"", answer.Header("WWW-Authenticate"));
            Assert.Equal(answer.Header("x-openstack-request-id"), answer.Header("x-compute-request-id"));
        }
    }

    [Fact]
    public async Task Body_over_the_size_limit_gives_413_overLimit_without_retry_after()
    {
        var session = await CinderSessionAsync();
        var huge = $$"""{"snapshot": {"volume_id": "{{OpenStack.AddVolume()}}", "description": "{{new string('d', 120_000)}}"} }""";

        var answer = await CinderAsync(session, HttpMethod.Post, "/snapshots", huge);

        AssertCinderFault(answer, 413, "overLimit", "Request is too large.");
        Assert.Null(answer.Header("Retry-After"));
        Assert.Equal(0, OpenStack.SnapshotCount());
    }

    [Fact]
    public async Task Token_of_another_project_gives_401_for_this_projects_url()
    {
        var demo = await CinderSessionAsync();
        var admin = await CinderSessionAsync(OpenStackFake.AdminUserName, OpenStackFake.AdminPassword, OpenStackFake.AdminProjectName);

        AssertKeystoneError(await SendAsync(HttpMethod.Get, demo.Url + "/snapshots", token: admin.Token), 401);
    }

    [Fact]
    public async Task Unscoped_or_domain_token_gives_401()
    {
        var unscoped = await IssueAsync(PasswordAuth(scope: "\"unscoped\""));
        var session = await CinderSessionAsync();

        AssertKeystoneError(await SendAsync(HttpMethod.Get, session.Url + "/snapshots", token: unscoped.Header("X-Subject-Token")), 401);
    }

    [Theory]
    [InlineData(null, "volume 3.0")]
    [InlineData("volume 3.50", "volume 3.50")]
    [InlineData("volume latest", "volume 3.71")]
    [InlineData("compute 2.1, volume 3.66", "volume 3.66")]
    public async Task Microversion_is_echoed_with_vary_and_a_request_id(string? header, string echoed)
    {
        var session = await CinderSessionAsync();

        var answer = await SendAsync(HttpMethod.Get, session.Url + "/snapshots", token: session.Token, version: header);

        Assert.Equal(200, answer.Status);
        Assert.Equal(echoed, answer.Header("OpenStack-API-Version"));
        Assert.Equal("OpenStack-API-Version", answer.Header("Vary"));
        Assert.StartsWith("req-", answer.Header("x-openstack-request-id"));
        Assert.Null(answer.Header("x-compute-request-id"));
    }

    [Fact]
    public async Task Out_of_range_version_gives_406_computeFault_and_malformed_gives_400()
    {
        var session = await CinderSessionAsync();

        var tooHigh = await CinderAsync(session, HttpMethod.Get, "/snapshots", version: "3.72");
        var two = await CinderAsync(session, HttpMethod.Get, "/snapshots", version: "2.0");
        var malformed = await CinderAsync(session, HttpMethod.Get, "/snapshots", version: "3");

        AssertCinderFault(tooHigh, 406, "computeFault", "Version 3.72 is not supported by the API. Minimum is 3.0 and maximum is 3.71.");
        AssertCinderFault(two, 406, "computeFault");
        AssertCinderFault(malformed, 400, "badRequest");
    }

    [Fact]
    public async Task Errors_echo_the_version_too()
    {
        var session = await CinderSessionAsync();

        var answer = await CinderAsync(session, HttpMethod.Get, "/snapshots/nope", version: "3.60");

        Assert.Equal(404, answer.Status);
        Assert.Equal("volume 3.60", answer.Header("OpenStack-API-Version"));
    }

    [Fact]
    public async Task Internal_and_admin_interfaces_serve_the_same_snapshots()
    {
        var (token, body) = await TokenAsync();
        OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1, "via-");

        var viaInternal = await SendAsync(HttpMethod.Get, VolumeUrl(body, RegionOne, "internal") + "/snapshots", token: token);
        var viaAdmin = await SendAsync(HttpMethod.Get, VolumeUrl(body, RegionOne, "admin", "volumev3") + "/snapshots", token: token);

        Assert.Equal(["via-0001"], Names(viaInternal));
        Assert.Equal(["via-0001"], Names(viaAdmin));
    }

    [Fact]
    public async Task Url_without_project_needs_3_67()
    {
        OpenStack.SetCatalog(projectIdInUrl: false);
        var (token, body) = await TokenAsync();
        var url = VolumeUrl(body) + "/snapshots";
        OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1, "bare-");

        var early = await SendAsync(HttpMethod.Get, url, token: token, version: "volume 3.66");
        var late = await SendAsync(HttpMethod.Get, url, token: token, version: "volume 3.67");

        AssertCinderFault(early, 404, "itemNotFound");
        Assert.Equal(["bare-0001"], Names(late));
    }

    [Fact]
    public async Task Version_discovery_needs_no_token()
    {
        var (_, body) = await TokenAsync();
        var root = VolumeUrl(body)[..VolumeUrl(body).IndexOf("/v3/", StringComparison.Ordinal)];

        var versions = await SendAsync(HttpMethod.Get, root + "/");
        var v3 = await SendAsync(HttpMethod.Get, root + "/v3/");

        Assert.Equal(300, versions.Status);
        Assert.Equal("3.71", v3.Body.GetProperty("versions")[0].GetProperty("version").GetString());
        Assert.Equal("3.0", v3.Body.GetProperty("versions")[0].GetProperty("min_version").GetString());
    }
}
