namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// -Zone, -Region, -Location and -SourceRegion complete the zones and regions of the provider at hand
/// (they completed file names before), without a request to any cloud.
/// </summary>
public sealed class LocationCompletionTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Theory]
    [InlineData("Connect-SnapshotProvider -Provider Scaleway -Zone fr-par-", new[] { "fr-par-1", "fr-par-2", "fr-par-3" })]
    [InlineData("Connect-SnapshotProvider -Provider Scaleway -Region nl", new[] { "nl-ams" })]
    [InlineData("Connect-SnapshotProvider -Provider Outscale -Region c", new[] { "cloudgouv-eu-west-1" })]
    [InlineData("Get-CloudSnapshot -Connection outscale -Location eu", new[] { "eu-west-2" })]
    [InlineData("Get-CloudSnapshot -Connection scaleway -Location pl-waw-", new[] { "pl-waw-1", "pl-waw-2", "pl-waw-3" })]
    [InlineData("Remove-CloudSnapshot -Id 11111111-1111-4111-8111-111111111111 -Connection scaleway -Zone it", new[] { "it-mil", "it-mil-1" })]
    [InlineData("New-CloudSnapshot -VolumeId vol-00000001 -Connection outscale -Region us-e", new[] { "us-east-2" })]
    [InlineData("Copy-CloudSnapshot -Id snap-00000001 -Connection outscale -SourceRegion ap", new[] { "ap-northeast-1" })]
    public void Locations_complete_for_the_provider_at_hand(string input, string[] expected)
    {
        using var session = fixture.ConnectedSession();
        fixture.Requests.Clear();

        Assert.Equal(expected, session.Complete(input));
        Assert.Empty(fixture.Requests.Snapshot());
    }

    [Fact]
    public void With_AllConnections_every_connections_provider_contributes()
    {
        using var session = fixture.ConnectedSession();

        var completed = session.Complete("Get-CloudSnapshot -AllConnections -Location ");

        Assert.Contains("eu-west-2", completed);
        Assert.Contains("fr-par-1", completed);
    }
}
