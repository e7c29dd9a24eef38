using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// A listing ends as soon as the pipeline has what it wants: Select-Object -First and -First fetch
/// only the pages that hold the objects asked for. Scaleway listings fetch later pages ahead (at
/// most ConcurrentPages = 4 in flight), but only once the consumer asks for an object beyond the
/// first page: a listing cut short within its first page sends exactly one request, and one cut
/// short in page n sends at most n + 3 (the page needed and the 3 others fetched beside it).
/// </summary>
public sealed class ListingStopTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const string Zone = "pl-waw-1";

    [Theory]
    [InlineData("Get-CloudSnapshot -Location pl-waw-1 | Select-Object -First 1", 1)]
    [InlineData("Get-CloudSnapshot -Location pl-waw-1 -First 1", 1)]
    [InlineData("Get-CloudSnapshot -Location pl-waw-1 -PageSize 100 | Select-Object -First 100", 100)]
    [InlineData("Get-CloudSnapshot -Location pl-waw-1 -PageSize 100 -First 100", 100)]
    [InlineData("Get-CloudSnapshot -Location pl-waw-1 -PageSize 50 | Select-Object -First 1", 1)]
    public void A_listing_cut_short_within_its_first_page_sends_one_list_request(string script, int expected)
    {
        EnsureSeeded();
        using var session = fixture.ConnectedSession();
        fixture.Requests.Clear();

        var result = session.Run(script).AssertSucceeded();

        Assert.Equal(expected, result.Output.Count);
        Assert.Equal(1, fixture.Requests.ScalewayListCount(Zone));
    }

    [Fact]
    public void Select_First_across_two_pages_sends_no_more_than_the_page_ahead_bound()
    {
        EnsureSeeded();
        using var session = fixture.ConnectedSession();
        fixture.Requests.Clear();

        var result = session.Run("Get-CloudSnapshot -Location pl-waw-1 -PageSize 100 | Select-Object -First 101").AssertSucceeded();

        Assert.Equal(101, result.Output.Count);
        Assert.InRange(fixture.Requests.ScalewayListCount(Zone), 2, 2 + 3);
    }

    [Fact]
    public void Select_First_1_on_Outscale_sends_one_ReadSnapshots()
    {
        if (fixture.Outscale.SnapshotCount() < 250) fixture.Outscale.SeedSnapshots(250);
        using var session = fixture.ConnectedSession();
        fixture.Requests.Clear();

        var result = session.Run("Get-CloudSnapshot -Connection outscale | Select-Object -First 1").AssertSucceeded();

        Assert.Single(result.Output);
        Assert.Equal(1, fixture.RequestCount("outscale", "POST", "ReadSnapshots"));
    }

    private void EnsureSeeded()
    {
        if (fixture.Scaleway.InstanceSnapshotCount(Zone) == 0) fixture.Scaleway.SeedInstanceSnapshots(Zone, 450, namePrefix: "first-");
    }
}
