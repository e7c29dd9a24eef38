using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// Outscale lists other accounts' shared and public snapshots beside the account's own: the
/// cmdlets list only the own ones unless -Owner asks, so a listing piped to Remove-CloudSnapshot
/// never walks into another account's snapshots.
/// </summary>
public sealed class OwnerTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const string TheirAccessKey = "AKPSOWNERTESTS000001";
    private const string TheirSecretKey = "SKPSOWNERTESTS00000000000000000000000001";
    private const string TheirAccount = "456789012345";

    [Fact]
    public void A_listing_piped_to_Remove_takes_only_the_accounts_own_snapshots()
    {
        var tag = "owner-" + Guid.NewGuid().ToString("N")[..8];
        var tags = new[] { new KeyValuePair<string, string>("batch", tag) };
        fixture.Outscale.AddAccount(TheirAccessKey, TheirSecretKey, TheirAccount);
        var own = fixture.Outscale.SeedSnapshots(2, tags: tags);
        var theirs = fixture.Outscale.SeedSnapshots(1, tags: tags, accountId: TheirAccount).Single();
        using var session = fixture.ConnectedSession();
        var variables = new Hashtable { ["tag"] = tag, ["theirs"] = theirs, ["endpoint"] = fixture.Emulator.OutscaleEndpoint };
        session.Run("""
            Connect-SnapshotProvider -Provider Outscale -Name them -Endpoint $endpoint -Region eu-west-2 -AccessKey AKPSOWNERTESTS000001 `
                -SecretKey (ConvertTo-SecureString 'SKPSOWNERTESTS00000000000000000000000001' -AsPlainText -Force)
            Grant-CloudSnapshotPermission -Connection them -Id $theirs -Public
            """, variables).AssertSucceeded();

        var everything = session.Run("Get-CloudSnapshot -Connection outscale -Tag @{ batch = $tag } -Owner Any | ForEach-Object Id", variables).AssertSucceeded();
        var shared = session.Run("Get-CloudSnapshot -Connection outscale -Tag @{ batch = $tag } -Owner Public | ForEach-Object Id", variables).AssertSucceeded();
        var removed = session.Run("Get-CloudSnapshot -Connection outscale -Tag @{ batch = $tag } | Remove-CloudSnapshot -Force", variables);

        Assert.Equal(own.Append(theirs).Order(), everything.Output.Select(o => (string)o.BaseObject).Order());
        Assert.Equal([theirs], shared.Output.Select(o => (string)o.BaseObject));
        removed.AssertSucceeded();
        Assert.False(fixture.Outscale.SnapshotExists(own[0]));
        Assert.False(fixture.Outscale.SnapshotExists(own[1]));
        Assert.True(fixture.Outscale.SnapshotExists(theirs));
    }

    [Fact]
    public void SharedWithMe_on_a_cloud_without_sharing_is_an_error_for_that_connection_and_the_others_are_listed()
    {
        fixture.Outscale.SeedSnapshots(1);
        using var session = fixture.ConnectedSession();

        var result = session.Run("Get-CloudSnapshot -AllConnections -Owner SharedWithMe");

        var error = Assert.Single(result.Streams.Error);
        Assert.Equal("GetCloudSnapshotNotSupported,SnapshotPS.Cmdlets.GetCloudSnapshotCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Scaleway lists only the snapshots its connection owns", error.Exception.Message, StringComparison.Ordinal);
        Assert.Null(result.Terminating);
    }
}
