namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>The foundation's fault rules on OpenStack routes, in Cinder's and Keystone's error shapes, and the redacted request log.</summary>
public sealed class OpenStackFaultTests : OpenStackTestBase
{
    [Fact]
    public async Task Injected_rate_limit_is_413_overLimitFault_with_retry_after()
    {
        var session = await CinderSessionAsync();
        Host.Faults.Add(new FaultRule
        {
            Provider = "openstack", Kind = FaultKind.Status, StatusCode = 413, ErrorCode = "overLimitFault", RetryAfter = TimeSpan.FromSeconds(7),
            PathContains = "/snapshots",
        });

        var limited = await CinderAsync(session, HttpMethod.Get, "/snapshots");
        var next = await CinderAsync(session, HttpMethod.Get, "/snapshots");

        AssertCinderFault(limited, 413, "overLimitFault", "This request was rate-limited.");
        Assert.Equal("7", limited.Header("Retry-After"));
        Assert.Equal("7", limited.Body.GetProperty("overLimitFault").GetProperty("retryAfter").GetString());
        Assert.False(string.IsNullOrEmpty(limited.Body.GetProperty("overLimitFault").GetProperty("details").GetString()));
        Assert.Equal(200, next.Status);
    }

    [Fact]
    public async Task Injected_503_on_cinder_is_serviceUnavailable_and_on_keystone_is_an_error_body()
    {
        var session = await CinderSessionAsync();
        Host.Faults.Add(new FaultRule { Provider = "openstack", Kind = FaultKind.Status, StatusCode = 503, PathContains = "/volume/" });
        Host.Faults.Add(new FaultRule { Provider = "openstack", Kind = FaultKind.Status, StatusCode = 500, PathContains = "/auth/tokens" });

        var cinder = await CinderAsync(session, HttpMethod.Get, "/snapshots");
        var keystone = await IssueAsync(PasswordAuth(scope: ProjectScope()));

        AssertCinderFault(cinder, 503, "serviceUnavailable");
        AssertKeystoneError(keystone, 500);
    }

    [Fact]
    public async Task Create_answered_with_an_error_after_it_ran_still_made_the_snapshot()
    {
        var session = await CinderSessionAsync();
        var volume = OpenStack.AddVolume();
        Host.Faults.Add(new FaultRule { Provider = "openstack", Kind = FaultKind.Status, StatusCode = 500, AfterRun = true, Method = "POST", PathContains = "/snapshots" });

        var answer = await CinderAsync(session, HttpMethod.Post, "/snapshots", $$"""{"snapshot": {"volume_id": "{{volume}}"} }""");

        AssertCinderFault(answer, 500, "computeFault");
        Assert.Equal(1, OpenStack.SnapshotCount());
    }

    [Fact]
    public async Task Dropped_connection_on_a_cinder_route()
    {
        var session = await CinderSessionAsync();
        Host.Faults.Add(new FaultRule { Provider = "openstack", Kind = FaultKind.DropConnection, PathContains = "/snapshots" });

        await Assert.ThrowsAsync<HttpRequestException>(() => CinderAsync(session, HttpMethod.Get, "/snapshots"));
    }

    [Fact]
    public async Task Request_log_hides_passwords_and_application_credential_secrets()
    {
        await IssueAsync(PasswordAuth(scope: ProjectScope()));
        await IssueAsync($$"""{"auth": {"identity": {"methods": ["application_credential"], "application_credential": {"id": "{{OpenStackFake.DemoApplicationCredentialId}}", "secret": "{{OpenStackFake.DemoApplicationCredentialSecret}}"} } } }""");

        var recorded = Host.Requests.Snapshot().Where(request => request.Provider == "openstack").ToList();

        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, request =>
        {
            Assert.DoesNotContain(OpenStackFake.DemoPassword, request.Body);
            Assert.DoesNotContain(OpenStackFake.DemoApplicationCredentialSecret, request.Body);
            Assert.Contains("[REDACTED]", request.Body);
        });
        Assert.Contains("\"name\": \"demo\"", recorded[0].Body);
    }

    [Fact]
    public async Task Request_log_hides_passwords_and_secrets_sent_to_the_admin_surface()
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        using var user = await client.PostAsync("_emulator/openstack/users",
            new StringContent("""{"name": "logged", "password": "admin-seeded-pw"}""", System.Text.Encoding.UTF8, "application/json"));
        using var credential = await client.PostAsync("_emulator/openstack/application-credentials",
            new StringContent("""{"user": "demo", "name": "logged", "secret": "admin-seeded-secret"}""", System.Text.Encoding.UTF8, "application/json"));

        var everything = string.Join("\n", Host.Requests.Snapshot().Select(request => request.Body));

        Assert.Equal(200, (int)user.StatusCode);
        Assert.Equal(200, (int)credential.StatusCode);
        Assert.DoesNotContain("admin-seeded-pw", everything);
        Assert.DoesNotContain("admin-seeded-secret", everything);
        Assert.Contains("\"name\": \"logged\"", everything);
    }

    [Fact]
    public void Redaction_hides_a_cut_off_secret_too()
    {
        var provider = Host.Providers.All.Single(fake => fake.Name == "openstack");

        var redacted = provider.RedactRecordedBody("""{"auth": {"identity": {"password": {"user": {"password": "s3cr""");

        Assert.DoesNotContain("s3cr", redacted);
    }
}
