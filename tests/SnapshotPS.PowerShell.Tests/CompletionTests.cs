namespace SnapshotPS.PowerShell.Tests;

/// <summary>Tab completion through CommandCompletion.CompleteInput: connection names and enum values.</summary>
public sealed class CompletionTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    public static TheoryData<string> ConnectionParameters() => new()
    {
        "Get-CloudSnapshot -Connection ",
        "New-CloudSnapshot -VolumeId vol-00000001 -Connection ",
        "Set-CloudSnapshot -Id snap-00000001 -Connection ",
        "Remove-CloudSnapshot -Id snap-00000001 -Connection ",
        "Wait-CloudSnapshot -Id snap-00000001 -Connection ",
        "Copy-CloudSnapshot -Id snap-00000001 -Connection ",
        "Copy-CloudSnapshot -Id snap-00000001 -Destination ",
        "Export-CloudSnapshot -Id snap-00000001 -Bucket b -Connection ",
        "Grant-CloudSnapshotPermission -Id snap-00000001 -Connection ",
        "Revoke-CloudSnapshotPermission -Id snap-00000001 -Connection ",
        "Get-CloudSnapshotExportTask -Connection ",
        "Stop-CloudSnapshotExportTask -Id snap-export-00000001 -Connection ",
        "Get-SnapshotProvider -Name ",
        "Disconnect-SnapshotProvider -Name ",
    };

    [Theory]
    [MemberData(nameof(ConnectionParameters))]
    public void Connection_parameters_complete_the_names_of_the_sessions_connections(string input)
    {
        using var session = fixture.ConnectedSession();

        Assert.Equal(["outscale", "scaleway"], session.Complete(input).Order());
    }

    [Fact]
    public void Connection_names_complete_from_the_typed_prefix()
    {
        using var session = fixture.ConnectedSession();
        session.ConnectScaleway(fixture.Emulator.ScalewayEndpoint, name: "scaleway-ams", zone: "nl-ams-1");

        Assert.Equal(["scaleway", "scaleway-ams"], session.Complete("Get-CloudSnapshot -Connection sc").Order());
        Assert.Equal(["scaleway-ams"], session.Complete("Get-CloudSnapshot -Connection scaleway-a"));
        Assert.Equal(["outscale"], session.Complete("Get-CloudSnapshot -Connection 'out"));
    }

    [Fact]
    public void A_connection_name_with_a_space_completes_quoted_so_the_command_still_parses()
    {
        using var session = fixture.NewSession();
        session.ConnectOutscale(fixture.Emulator.OutscaleEndpoint, name: "prod eu");
        session.ConnectOutscale(fixture.Emulator.OutscaleEndpoint, name: "it's mine");

        Assert.Equal(["'it''s mine'", "'prod eu'"], session.Complete("Get-CloudSnapshot -Connection ").Order());
        var completed = session.Complete("Get-CloudSnapshot -Connection pro").Single();
        var listed = session.Run($"Get-CloudSnapshot -Connection {completed} | Select-Object -First 1 -ExpandProperty Connection; 'parsed'").AssertSucceeded();
        Assert.Equal("parsed", listed.Output[^1].BaseObject);
        Assert.All(listed.Output.SkipLast(1), o => Assert.Equal("prod eu", o.BaseObject));
    }

    [Fact]
    public void A_session_without_connections_offers_no_connection_name()
    {
        using var session = fixture.NewSession();

        Assert.Empty(session.Complete("Get-CloudSnapshot -Connection "));
    }

    [Fact]
    public void Provider_completes_every_cloud_and_filters_by_prefix()
    {
        using var session = fixture.NewSession();
        string[] clouds = ["CloudMC", "Koyeb", "OpenStack", "Outscale", "Scaleway"];

        Assert.Equal(clouds, session.Complete("Connect-SnapshotProvider -Provider ").Order());
        Assert.Equal(clouds, session.Complete("Get-SnapshotProvider -Provider ").Order());
        Assert.Equal(["OpenStack", "Outscale"], session.Complete("Connect-SnapshotProvider -Provider O").Order());
    }

    [Theory]
    [InlineData("Get-CloudSnapshot -State ")]
    [InlineData("Wait-CloudSnapshot -Id snap-00000001 -State ")]
    public void State_completes_every_normalized_state(string input)
    {
        using var session = fixture.NewSession();

        Assert.Equal(["Available", "Deleted", "Deleting", "Error", "Exporting", "Importing", "Pending", "Unknown"], session.Complete(input).Order());
    }

    [Fact]
    public void DiskImageFormat_completes_the_export_formats()
    {
        using var session = fixture.NewSession();

        Assert.Equal(["Qcow2", "Raw"], session.Complete("Export-CloudSnapshot -Id snap-00000001 -Bucket b -DiskImageFormat ").Order());
    }
}
