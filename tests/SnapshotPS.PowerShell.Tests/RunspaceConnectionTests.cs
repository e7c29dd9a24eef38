using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>Each runspace keeps its own connections, as the parallel tests of this project rely on.</summary>
public sealed class RunspaceConnectionTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Fact]
    public void Two_runspaces_in_one_process_neither_see_nor_replace_nor_disconnect_each_others_connections()
    {
        using var first = fixture.NewSession();
        using var second = fixture.NewSession();
        first.ConnectScaleway(fixture.Emulator.ScalewayEndpoint, name: "shared-name");
        first.ConnectOutscale(fixture.Emulator.OutscaleEndpoint, name: "first-only");
        second.ConnectOutscale(fixture.Emulator.OutscaleEndpoint, name: "shared-name");

        var firstNames = first.Run("(Get-SnapshotProvider).Name").AssertSucceeded().OutputOf<string>();
        var secondNames = second.Run("(Get-SnapshotProvider).Name").AssertSucceeded().OutputOf<string>();
        var firstProvider = first.Run("(Get-SnapshotProvider -Name shared-name).Provider.ToString()").AssertSucceeded().OutputOf<string>();
        second.Run("Disconnect-SnapshotProvider -All").AssertSucceeded();
        var firstAfter = first.Run("(Get-SnapshotProvider).Name").AssertSucceeded().OutputOf<string>();

        Assert.Equal(["first-only", "shared-name"], firstNames);
        Assert.Equal(["shared-name"], secondNames);
        Assert.Equal(["Scaleway"], firstProvider);
        Assert.Equal(["first-only", "shared-name"], firstAfter);
    }

    [Fact]
    public void Tab_completion_of_a_connection_name_offers_only_the_runspaces_own_connections()
    {
        using var first = fixture.NewSession();
        using var second = fixture.NewSession();
        first.ConnectOutscale(fixture.Emulator.OutscaleEndpoint, name: "alpha-first");
        second.ConnectOutscale(fixture.Emulator.OutscaleEndpoint, name: "alpha-second");
        const string Script = "[System.Management.Automation.CommandCompletion]::CompleteInput($line, $line.Length, $null).CompletionMatches.CompletionText";

        var offered = first.Run(Script, new Hashtable { ["line"] = "Get-CloudSnapshot -Connection alpha" }).AssertSucceeded().OutputOf<string>();

        Assert.Equal(["alpha-first"], offered);
    }
}
