using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.OpenStack;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>Both Keystone v3 login methods against the fake, and the scope rules refused before any request.</summary>
public class KeystoneLoginTests(OpenStackEmulatorFixture emulator) : IClassFixture<OpenStackEmulatorFixture>
{
    private static async Task<(Uri Endpoint, string Region)> CinderOf(OpenStackProvider provider)
    {
        var login = await provider.Session.GetAsync(CancellationToken.None);
        return login.Catalog.BlockStorage(OpenStackFake.RegionOne, "public", false);
    }

    [Fact]
    public async Task A_password_login_by_user_and_project_name_with_domains_gets_a_token_scoped_to_the_project()
    {
        using var provider = emulator.Provider();

        var login = await provider.Session.GetAsync(CancellationToken.None);

        Assert.Equal(OpenStackFake.DemoProjectId, login.ProjectId);
        var (endpoint, region) = await CinderOf(provider);
        Assert.Equal(OpenStackFake.RegionOne, region);
        Assert.Contains(OpenStackFake.DemoProjectId, endpoint.AbsoluteUri);
    }

    [Fact]
    public async Task A_password_login_by_user_id_and_project_id_needs_no_domain()
    {
        var settings = emulator.PasswordSettings();
        settings.Username = null;
        settings.UserDomainName = null;
        settings.UserId = OpenStackFake.DemoUserId;
        settings.ProjectName = null;
        settings.ProjectDomainId = null;
        settings.ProjectId = OpenStackFake.DemoProjectId;
        using var provider = emulator.Provider(settings);

        Assert.Equal(OpenStackFake.DemoProjectId, (await provider.Session.GetAsync(CancellationToken.None)).ProjectId);
    }

    [Fact]
    public async Task An_application_credential_by_id_logs_in_to_its_own_project_without_a_scope()
    {
        using var provider = emulator.Provider(emulator.ApplicationCredentialSettings());

        Assert.Equal(OpenStackFake.DemoProjectId, (await provider.Session.GetAsync(CancellationToken.None)).ProjectId);
        var body = emulator.Host.Requests.Snapshot().Last(r => r.Path.EndsWith("/auth/tokens", StringComparison.Ordinal)).Body!;
        Assert.Contains("\"application_credential\"", body);
        Assert.DoesNotContain("\"scope\"", body);
    }

    [Fact]
    public async Task An_application_credential_by_name_names_its_user()
    {
        var settings = emulator.ApplicationCredentialSettings();
        settings.ApplicationCredentialId = null;
        settings.ApplicationCredentialName = OpenStackFake.DemoApplicationCredentialName;
        settings.Username = OpenStackFake.DemoUserName;
        settings.UserDomainId = OpenStackFake.DefaultDomainId;
        using var provider = emulator.Provider(settings);

        Assert.Equal(OpenStackFake.DemoProjectId, (await provider.Session.GetAsync(CancellationToken.None)).ProjectId);
    }

    [Fact]
    public async Task A_wrong_password_is_an_unauthenticated_error_with_the_request_id_and_without_the_password()
    {
        var settings = emulator.PasswordSettings();
        settings.Password = SecretValue.FromPlainText("not-the-password-42");
        using var provider = emulator.Provider(settings);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.Session.GetAsync(CancellationToken.None));

        Assert.Equal(CloudErrorKind.Unauthenticated, failure.Kind);
        Assert.Equal(401, failure.StatusCode);
        Assert.Equal("error", failure.ErrorCode);
        Assert.False(string.IsNullOrEmpty(failure.RequestId));
        Assert.Contains("user 'demo'", failure.Message);
        Assert.DoesNotContain("not-the-password-42", failure.ToString());
    }

    [Theory]
    [InlineData("ProjectId")]
    [InlineData("ProjectName")]
    [InlineData("DomainName")]
    public void A_scope_with_an_application_credential_is_refused_before_any_request_naming_the_parameter(string scope)
    {
        var settings = emulator.ApplicationCredentialSettings();
        _ = scope switch
        {
            "ProjectId" => settings.ProjectId = OpenStackFake.DemoProjectId,
            "ProjectName" => settings.ProjectName = OpenStackFake.DemoProjectName,
            _ => settings.DomainName = OpenStackFake.DefaultDomainName,
        };
        var before = emulator.Requests("/");

        var refused = Assert.Throws<ArgumentException>(() => emulator.Provider(settings));

        Assert.Equal(scope, refused.ParamName);
        Assert.Contains("application credential", refused.Message);
        Assert.Equal(before, emulator.Requests("/"));
    }

    [Fact]
    public void A_project_and_a_domain_scope_together_are_refused_before_any_request()
    {
        var settings = emulator.PasswordSettings();
        settings.DomainId = OpenStackFake.DefaultDomainId;

        var refused = Assert.Throws<ArgumentException>(() => emulator.Provider(settings));

        Assert.Equal("DomainId", refused.ParamName);
        Assert.Contains("one scope", refused.Message);
    }

    [Theory]
    [InlineData("UserDomain")]
    [InlineData("ProjectDomain")]
    public void A_user_or_project_by_name_without_its_domain_is_refused(string missing)
    {
        var settings = emulator.PasswordSettings();
        if (missing == "UserDomain") settings.UserDomainName = null;
        else settings.ProjectDomainId = null;

        Assert.Equal(missing, Assert.Throws<ArgumentException>(() => emulator.Provider(settings)).ParamName);
    }

    [Fact]
    public void No_project_at_all_is_refused_since_Cinder_snapshots_live_in_projects()
    {
        var settings = emulator.PasswordSettings();
        settings.ProjectName = null;

        Assert.Equal("ProjectName", Assert.Throws<ArgumentException>(() => emulator.Provider(settings)).ParamName);
    }

    [Fact]
    public async Task A_domain_scoped_login_asks_Keystone_for_the_domain_and_finds_no_project_for_Cinder()
    {
        var settings = emulator.PasswordSettings();
        settings.ProjectName = null;
        settings.ProjectDomainId = null;
        settings.Username = OpenStackFake.AdminUserName;
        settings.Password = SecretValue.FromPlainText(OpenStackFake.AdminPassword);
        settings.DomainId = OpenStackFake.DefaultDomainId;
        emulator.Fake.AssignDomainRole(OpenStackFake.AdminUserName, OpenStackFake.DefaultDomainId, "admin");
        using var provider = emulator.Provider(settings);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => CinderOf(provider));

        var body = emulator.Host.Requests.Snapshot().Last(r => r.Path.EndsWith("/auth/tokens", StringComparison.Ordinal)).Body!;
        Assert.Contains("\"scope\":{\"domain\":{\"id\":\"default\"}}", body);
        Assert.True(failure is CloudApiException or ArgumentException, failure.ToString());
    }

    [Fact]
    public async Task Concurrent_first_requests_share_one_login()
    {
        using var provider = emulator.Provider();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.Session.GetAsync(CancellationToken.None)));

        Assert.Equal(1, provider.Session.Logins);
    }
}
