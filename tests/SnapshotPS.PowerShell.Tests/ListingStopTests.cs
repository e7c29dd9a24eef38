using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// A listing ends as soon as the pipeline has what it wants: -First fetches only the pages that hold
/// the objects asked for, and a downstream Select-Object -First that has enough within the first page
/// sends no other request. Scaleway lists its two snapshot APIs (Instance and Block Storage) side by
/// side, so "the first page" is one page of each; the pages after the first are read ahead (up to
/// ConcurrentPages, 16, at once) only once the consumer asks for an object beyond the first page.
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
    public void A_listing_cut_short_within_its_first_page_sends_no_request_beyond_it(string script, int expected)
    {
        EnsureSeeded();
        using var session = fixture.ConnectedSession();
        fixture.Requests.Clear();

        var result = session.Run(script).AssertSucceeded();

        Assert.Equal(expected, result.Output.Count);
        Assert.Equal(1, fixture.Requests.ScalewayListCount(Zone, "instance"));
        Assert.InRange(fixture.Requests.ScalewayListCount(Zone, "block"), 0, 1);
    }

    [Fact]
    public void Select_First_across_pages_reads_at_most_one_pass_and_never_catches_up()
    {
        EnsureSeeded();
        using var session = fixture.ConnectedSession();
        fixture.Requests.Clear();

        // 450 snapshots, 10 a page: 45 pages. Once the consumer asks beyond the first page, pages are
        // read ahead eagerly (that keeps a listing complete while a pipeline deletes behind it) until
        // Select-Object has enough and the listing is cancelled: never more than one pass.
        var result = session.Run("Get-CloudSnapshot -Location pl-waw-1 -PageSize 10 | Select-Object -First 11").AssertSucceeded();
        Thread.Sleep(1000);

        Assert.Equal(11, result.Output.Count);
        Assert.InRange(fixture.Requests.ScalewayListCount(Zone, "instance"), 2, 45);
        Assert.InRange(fixture.Requests.ScalewayListCount(Zone, "block"), 0, 1);
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
