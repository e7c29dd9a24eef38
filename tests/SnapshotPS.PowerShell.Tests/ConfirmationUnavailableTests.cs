using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// A host that cannot answer a confirmation (here one with no answer left, as pwsh -NonInteractive has none) ends
/// the command at the first prompt with one terminating error, and nothing is done; tests/Pester/NonInteractive.Tests.ps1
/// shows the same in a real pwsh -NonInteractive.
/// </summary>
public sealed class ConfirmationUnavailableTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Fact]
    public void A_bulk_removal_stops_at_the_first_prompt_with_one_error_and_removes_nothing()
    {
        var ids = fixture.Scaleway.SeedInstanceSnapshots("fr-par-2", 3, namePrefix: "cannot-ask-");
        var host = new ScriptedHost();
        using var session = fixture.ConnectedSession(host);

        var result = session.Run("Get-CloudSnapshot -Location fr-par-2 -Name cannot-ask-* | Remove-CloudSnapshot");

        Assert.Single(host.Prompts);
        // A statement-terminating error, as Remove-Item's: one record, not one per snapshot.
        var error = Assert.Single(result.Errors);
        Assert.Equal("ConfirmationUnavailable,SnapshotPS.Cmdlets.RemoveCloudSnapshotCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-Force", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(ids.Order(), session.Run("Get-CloudSnapshot -Location fr-par-2 -Name cannot-ask-* | ForEach-Object Id").AssertSucceeded()
            .Output.Select(o => (string)o.BaseObject).Order());
    }

    [Fact]
    public void A_single_command_that_cannot_ask_ends_with_the_same_error_and_sends_nothing()
    {
        var volume = fixture.Scaleway.AddInstanceVolume("fr-par-2", "cannot-ask-volume", 10_000_000_000);
        var host = new ScriptedHost();
        using var session = fixture.ConnectedSession(host);
        var before = fixture.Scaleway.InstanceSnapshotCount("fr-par-2");

        var result = session.Run("New-CloudSnapshot -VolumeId $volume -Location fr-par-2 -Name cannot-ask-new -Confirm", new Hashtable { ["volume"] = volume });

        Assert.Single(host.Prompts);
        Assert.StartsWith("ConfirmationUnavailable,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Scaleway.InstanceSnapshotCount("fr-par-2"));
    }
}
