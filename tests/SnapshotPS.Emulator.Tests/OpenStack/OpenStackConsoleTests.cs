namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>The console entry: a Connect line that names the auth URL, user, project and region, and demo data it can list.</summary>
public sealed class OpenStackConsoleTests : OpenStackTestBase
{
    [Fact]
    public async Task Seeded_demo_snapshots_are_listed_with_the_credentials_the_connect_line_names()
    {
        var provider = Host.Providers.All.Single(fake => fake.Name == "openstack");

        var line = Assert.Single(provider.DescribeForConsole(Host.BaseAddress));
        provider.SeedDemo(25).ToList();
        var session = await CinderSessionAsync(OpenStackFake.DemoUserName, OpenStackFake.DemoPassword, OpenStackFake.DemoProjectName, RegionOne);
        var answer = await CinderAsync(session, HttpMethod.Get, "/snapshots?limit=1000");

        Assert.Contains("-Provider OpenStack", line);
        Assert.Contains("-Endpoint " + Host.OpenStackAuthUrl, line);
        Assert.Contains($"'{OpenStackFake.DemoUserName}'", line);
        Assert.Contains($"'{OpenStackFake.DemoPassword}'", line);
        Assert.Contains("-UserDomain Default -ProjectName demo -ProjectDomain Default -Region RegionOne", line);
        Assert.Equal(25, Names(answer).Length);
        Assert.Equal("nightly-0025", Names(answer)[0]);
    }
}
