using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.OpenStack;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>Which Cinder a connection reaches and as whom: catalog regions, renewed tokens, application credentials, all projects, a CA.</summary>
public class CinderAccessTests(OpenStackEmulatorFixture emulator) : IClassFixture<OpenStackEmulatorFixture>
{
    private static async Task<List<CloudSnapshot>> ListAsync(OpenStackProvider provider, SnapshotQuery query)
    {
        var found = new List<CloudSnapshot>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(query, CancellationToken.None)) found.Add(snapshot);
        return found;
    }

    [Fact]
    public async Task Location_reaches_the_other_catalog_region()
    {
        var volume = emulator.Fake.AddVolume(region: OpenStackFake.RegionTwo, name: "second");
        var id = emulator.Fake.SeedSnapshots(volume, 1, "second-").Single();
        using var provider = emulator.Provider();

        var found = await provider.GetSnapshotAsync(new SnapshotLocator(id, OpenStackFake.RegionTwo), CancellationToken.None);
        var notInOne = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None));

        Assert.Equal(OpenStackFake.RegionTwo, found.Location);
        Assert.Equal(CloudErrorKind.NotFound, notInOne.Kind);
    }

    [Fact]
    public async Task A_region_the_catalog_lacks_fails_before_any_Cinder_request_listing_the_regions()
    {
        using var provider = emulator.Provider(emulator.PasswordSettings(region: "RegionNine"));
        var before = emulator.Requests("/volume/");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => ListAsync(provider, new SnapshotQuery()));

        Assert.Equal("Region", refused.ParamName);
        Assert.Contains("RegionOne, RegionTwo", refused.Message);
        Assert.Equal(before, emulator.Requests("/volume/"));
    }

    [Fact]
    public async Task Tokens_expired_by_Keystone_are_renewed_once_and_the_call_goes_on()
    {
        var volume = emulator.Fake.AddVolume(name: "renew");
        var id = emulator.Fake.SeedSnapshots(volume, 1, "renew-").Single();
        using var provider = emulator.Provider();
        await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        emulator.Fake.RevokeTokens(OpenStackFake.DemoUserName);
        var again = await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None);

        Assert.Equal(id, again.Id);
        Assert.Equal(2, provider.Session.Logins);
    }

    [Fact]
    public async Task An_application_credential_connection_works_end_to_end()
    {
        var volume = emulator.Fake.AddVolume(name: "appcred");
        using var provider = emulator.Provider(emulator.ApplicationCredentialSettings());

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "by-app-cred" }, CancellationToken.None);

        Assert.Equal("by-app-cred", (await provider.GetSnapshotAsync(SnapshotLocator.From(created), CancellationToken.None)).Name);
    }

    [Fact]
    public async Task An_admin_asking_for_all_projects_lists_other_projects_snapshots_and_a_member_does_not()
    {
        var volume = emulator.Fake.AddVolume(name: "tenant");
        var seeded = emulator.Fake.SeedSnapshots(volume, 2, "tenant-");
        var admin = emulator.PasswordSettings();
        admin.Username = OpenStackFake.AdminUserName;
        admin.Password = SnapshotPS.Core.Connections.SecretValue.FromPlainText(OpenStackFake.AdminPassword);
        admin.ProjectName = OpenStackFake.AdminProjectName;
        admin.AllProjects = true;
        using var asAdmin = emulator.Provider(admin);
        using var asAdminOwnProject = emulator.Provider(WithoutAllProjects(admin));

        var everywhere = await ListAsync(asAdmin, new SnapshotQuery { VolumeId = volume });
        var ownProject = await ListAsync(asAdminOwnProject, new SnapshotQuery { VolumeId = volume });

        Assert.Equal(seeded.Order(), everywhere.Select(s => s.Id).Order());
        Assert.All(everywhere, s => Assert.Equal(OpenStackFake.DemoProjectId, s.Owner));
        Assert.Empty(ownProject);
        Assert.Contains(emulator.Host.Requests.Snapshot(), r => r.Query.Contains("all_tenants=1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_CA_certificate_that_does_not_exist_is_refused_naming_CACertificate()
    {
        var settings = emulator.PasswordSettings();
        settings.CaCertificatePath = "/no/such/ca.pem";

        Assert.Equal("CACertificate", Assert.Throws<ArgumentException>(() => emulator.Provider(settings)).ParamName);
    }

    private OpenStackConnectionSettings WithoutAllProjects(OpenStackConnectionSettings admin)
    {
        var settings = emulator.PasswordSettings();
        settings.Username = admin.Username;
        settings.Password = admin.Password;
        settings.ProjectName = admin.ProjectName;
        return settings;
    }
}
