using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>Hundreds of snapshots over several pages, streamed from a listing into a consumer.</summary>
public sealed class PagedPipelineTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const int Many = 250;

    [Fact]
    public void Listing_Scaleway_in_pages_streamed_to_Remove_removes_every_snapshot_once()
    {
        using var session = fixture.ConnectedSession();
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", Many, namePrefix: "paged-remove-");
        var bystanders = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 3, namePrefix: "paged-keep-");
        fixture.Requests.Clear();

        session.Run("Get-CloudSnapshot -Name 'paged-remove-*' -PageSize 40 | Remove-CloudSnapshot -Force").AssertSucceeded();

        Assert.Equal(Many, fixture.RequestCount("scaleway", "DELETE", "/snapshots/"));
        Assert.True(fixture.RequestCount("scaleway", "GET", "/snapshots") > 1);
        var left = session.Run("(Get-CloudSnapshot -Name 'paged-remove-*', 'paged-keep-*').Id").AssertSucceeded().OutputOf<string>();
        Assert.Equal(bystanders.Order(), left.Order());
    }

    [Fact]
    public void Listing_Outscale_in_pages_piped_to_Remove_removes_every_snapshot()
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Outscale.SeedSnapshots(Many, description: "paged");
        fixture.Requests.Clear();

        session.Run("Get-CloudSnapshot -Connection outscale -PageSize 40 | Where-Object Id -in $ids | Remove-CloudSnapshot -Force",
            new Hashtable { ["ids"] = ids.ToArray() }).AssertSucceeded();

        Assert.True(fixture.RequestCount("outscale", "POST", "ReadSnapshots") > 1);
        Assert.All(ids, id => Assert.False(fixture.Outscale.SnapshotExists(id)));
    }

    [Fact]
    public void Snapshots_saved_to_CSV_in_pages_and_read_back_are_all_updated()
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", Many, namePrefix: "paged-csv-");
        var file = Path.Combine(Path.GetTempPath(), $"snapshotps-{Guid.NewGuid():N}.csv");
        try
        {
            var result = session.Run("""
                Get-CloudSnapshot -Name 'paged-csv-*' -PageSize 60 | Export-Csv -LiteralPath $file -NoTypeInformation
                Import-Csv -LiteralPath $file | Set-CloudSnapshot -AddTag @{ batch = 'csv' } -PassThru
                """, new Hashtable { ["file"] = file }).AssertSucceeded();

            Assert.Equal(ids.Order(), result.Output.Select(o => (string)o.Properties["Id"].Value).Order());
            Assert.All(result.Output, o => Assert.Equal("csv", ((IReadOnlyDictionary<string, string>)o.Properties["Tags"].Value)["batch"]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Get_CloudSnapshot_pages_with_PageSize_and_honours_First_and_Skip()
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", Many, namePrefix: "paged-first-");

        var all = session.Run("(Get-CloudSnapshot -Name 'paged-first-*' -PageSize 25).Id").AssertSucceeded().OutputOf<string>();
        var window = session.Run("(Get-CloudSnapshot -Name 'paged-first-*' -PageSize 25 -Skip 30 -First 40).Id").AssertSucceeded().OutputOf<string>();

        Assert.Equal(ids.Order(), all.Order());
        Assert.Equal(40, window.Count);
        Assert.Equal(all.Skip(30).Take(40), window);
    }
}
