namespace SnapshotPS.PowerShell.Tests;

/// <summary>Get-CloudSnapshot -First sends only the list requests that hold the snapshots it writes.</summary>
public sealed class FirstRequestsTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Theory]
    [InlineData(100, 1)]
    [InlineData(250, 3)]
    public void Get_First_sends_only_the_pages_it_needs(int first, int requests)
    {
        using var session = fixture.ConnectedSession();
        const string zone = "pl-waw-1";
        fixture.Scaleway.SeedInstanceSnapshots(zone, 1000 - fixture.Scaleway.InstanceSnapshotCount(zone), namePrefix: "first-");
        fixture.Requests.Clear();

        var ids = session.Run($"(Get-CloudSnapshot -Location {zone} -First {first}).Id").AssertSucceeded().OutputOf<string>();

        Assert.Equal(first, ids.Count());
        Assert.Equal(requests, fixture.RequestCount("scaleway", "GET", "/snapshots"));
    }
}
