using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>The parameter sets of the connection, listing and creation cmdlets, resolved by the real binder.</summary>
public sealed class CommandParameterSetTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Theory]
    [InlineData("Connect-SnapshotProvider -Provider Outscale -SecretKey $secure -Credential $credential", "AmbiguousParameterSet", "ConnectSnapshotProviderCommand")]
    [InlineData("Connect-SnapshotProvider -Provider Outscale -SecretKey $secure -Profile default", "AmbiguousParameterSet", "ConnectSnapshotProviderCommand")]
    [InlineData("Connect-SnapshotProvider -Provider Outscale -Credential $credential -AccessKey AK", "AmbiguousParameterSet", "ConnectSnapshotProviderCommand")]
    [InlineData("Connect-SnapshotProvider -Provider Outscale -AccessKey AKEMULATOR0000000001", "MissingMandatoryParameter", "ConnectSnapshotProviderCommand")]
    [InlineData("Connect-SnapshotProvider -SecretKey $secure", "MissingMandatoryParameter", "ConnectSnapshotProviderCommand")]
    [InlineData("Disconnect-SnapshotProvider -Name outscale -All", "AmbiguousParameterSet", "DisconnectSnapshotProviderCommand")]
    [InlineData("Disconnect-SnapshotProvider", "MissingMandatoryParameter", "DisconnectSnapshotProviderCommand")]
    [InlineData("Get-CloudSnapshot -Id $id -Name 'x*'", "AmbiguousParameterSet", "GetCloudSnapshotCommand")]
    [InlineData("Get-CloudSnapshot -Id $id -PageSize 10", "AmbiguousParameterSet", "GetCloudSnapshotCommand")]
    [InlineData("Get-CloudSnapshot -Id $id -AllConnections", "AmbiguousParameterSet", "GetCloudSnapshotCommand")]
    [InlineData("Get-CloudSnapshot -PageSize 0", "ParameterArgumentValidationError", "GetCloudSnapshotCommand")]
    [InlineData("Get-CloudSnapshot -Id ''", "ParameterArgumentValidationError", "GetCloudSnapshotCommand")]
    [InlineData("Get-CloudSnapshotExportTask -Id $id -SnapshotId $id", "AmbiguousParameterSet", "GetCloudSnapshotExportTaskCommand")]
    [InlineData("Get-CloudSnapshotExportTask -Snapshot $null", "ParameterArgumentValidationError", "GetCloudSnapshotExportTaskCommand")]
    [InlineData("New-CloudSnapshot -VolumeId vol-12345678 -ImportUri https://example.test/a.qcow2 -SizeBytes 1", "AmbiguousParameterSet", "NewCloudSnapshotCommand")]
    [InlineData("New-CloudSnapshot -ImportUri https://example.test/a.qcow2 -Connection outscale", "MissingMandatoryParameter", "NewCloudSnapshotCommand")]
    [InlineData("New-CloudSnapshot -ImportUri https://example.test/a.qcow2 -SizeBytes 0 -Connection outscale", "ParameterArgumentValidationError", "NewCloudSnapshotCommand")]
    public void Conflicting_missing_or_invalid_parameters_are_PowerShell_binding_errors_before_any_request(string script, string errorId, string cmdletClass)
    {
        using var session = fixture.ConnectedSession();
        var id = fixture.Outscale.SeedSnapshots(1).Single();
        fixture.Requests.Clear();

        var result = session.Run(script, Credentials(id));

        BindingScripts.AssertBindingError(result, errorId, cmdletClass);
        Assert.Equal(0, fixture.CloudRequestCount());
        Assert.Equal(2, session.Run("Get-SnapshotProvider").AssertSucceeded().Output.Count);
    }

    [Fact]
    public void Connect_resolves_the_SecretKey_and_the_Credential_sets_to_working_connections()
    {
        using var session = fixture.NewSession();

        session.Run("Connect-SnapshotProvider Outscale -Name by-key -Endpoint $endpoint -Region $region -AccessKey $access -SecretKey $secure", Credentials("")).AssertSucceeded();
        session.Run("Connect-SnapshotProvider Outscale -Name by-credential -Endpoint $endpoint -Region $region -Credential $credential", Credentials("")).AssertSucceeded();
        var seeded = fixture.Outscale.SeedSnapshots(1).Single();

        foreach (var name in new[] { "by-key", "by-credential" })
        {
            var found = session.Run("Get-CloudSnapshot -Id $id -Connection $name", new Hashtable { ["id"] = seeded, ["name"] = name }).AssertSucceeded();
            Assert.Equal(seeded, Assert.Single(found.Output).Properties["Id"].Value);
        }
    }

    [Fact]
    public void Get_CloudSnapshot_takes_a_positional_Name_in_the_List_set_and_Id_in_its_own_set()
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 5, namePrefix: "sets-list-");

        var listed = session.Run("Get-CloudSnapshot 'sets-list-*' -PageSize 2").AssertSucceeded();
        var byId = session.Run("Get-CloudSnapshot -Id $ids", new Hashtable { ["ids"] = ids.Take(2).ToArray() }).AssertSucceeded();

        Assert.Equal(ids.Order(), listed.Output.Select(o => (string)o.Properties["Id"].Value).Order());
        Assert.Equal(ids.Take(2), byId.Output.Select(o => (string)o.Properties["Id"].Value));
    }

    [Fact]
    public void Get_CloudSnapshotExportTask_lists_by_SnapshotId_gets_by_Id_and_takes_a_Snapshot_from_the_pipeline()
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Outscale.SeedSnapshots(3);
        var tasks = session.Run("$ids | ForEach-Object { Export-CloudSnapshot -Id $_ -Connection outscale -Bucket sets }", new Hashtable { ["ids"] = ids.ToArray() })
            .AssertSucceeded().Output.Select(o => (string)o.Properties["Id"].Value).ToList();

        var bySnapshotId = session.Run("Get-CloudSnapshotExportTask -SnapshotId $id -Connection outscale", new Hashtable { ["id"] = ids[1] }).AssertSucceeded();
        var byId = session.Run("Get-CloudSnapshotExportTask -Id $task -Connection outscale", new Hashtable { ["task"] = tasks[2] }).AssertSucceeded();
        var bySnapshot = session.Run("Get-CloudSnapshot -Id $id -Connection outscale | Get-CloudSnapshotExportTask", new Hashtable { ["id"] = ids[0] }).AssertSucceeded();

        Assert.Equal(tasks[1], Assert.Single(bySnapshotId.Output).Properties["Id"].Value);
        Assert.Equal(tasks[2], Assert.Single(byId.Output).Properties["Id"].Value);
        Assert.Equal(tasks[0], Assert.Single(bySnapshot.Output).Properties["Id"].Value);
    }

    [Fact]
    public void New_CloudSnapshot_resolves_the_Volume_set_by_position_and_the_Import_set_by_ImportUri()
    {
        using var session = fixture.ConnectedSession();
        var volume = fixture.Outscale.AddVolume(4);
        var before = fixture.Outscale.SnapshotCount();

        var fromVolume = session.Run("New-CloudSnapshot $volume from-volume -Connection outscale", new Hashtable { ["volume"] = volume }).AssertSucceeded();
        var imported = session.Run("New-CloudSnapshot -ImportUri https://example.test/disk.qcow2 -SizeBytes 4294967296 -Connection outscale").AssertSucceeded();

        Assert.Equal(volume, Assert.Single(fromVolume.Output).Properties["VolumeId"].Value);
        Assert.Single(imported.Output);
        Assert.Equal(before + 2, fixture.Outscale.SnapshotCount());
    }

    [Fact]
    public void Disconnect_resolves_Name_by_position_and_All_by_switch()
    {
        using var session = fixture.ConnectedSession();

        session.Run("Disconnect-SnapshotProvider outscale").AssertSucceeded();
        var left = session.Run("(Get-SnapshotProvider).Name").AssertSucceeded().OutputOf<string>();
        session.Run("Disconnect-SnapshotProvider -All").AssertSucceeded();

        Assert.Equal(["scaleway"], left);
        Assert.Empty(session.Run("Get-SnapshotProvider").AssertSucceeded().Output);
    }

    [Fact]
    public void Get_SnapshotProvider_has_one_set_taking_a_positional_wildcard_Name_and_a_Provider()
    {
        using var session = fixture.ConnectedSession();

        var byName = session.Run("(Get-SnapshotProvider 'out*').Name").AssertSucceeded().OutputOf<string>();
        var byProvider = session.Run("(Get-SnapshotProvider -Provider Scaleway).Name").AssertSucceeded().OutputOf<string>();
        var both = session.Run("(Get-SnapshotProvider -Name '*' -Provider Outscale).Name").AssertSucceeded().OutputOf<string>();

        Assert.Equal(["outscale"], byName);
        Assert.Equal(["scaleway"], byProvider);
        Assert.Equal(["outscale"], both);
    }

    private Hashtable Credentials(string id) => new()
    {
        ["id"] = id,
        ["endpoint"] = fixture.Emulator.OutscaleEndpoint,
        ["region"] = OutscaleFake.DefaultRegion,
        ["access"] = OutscaleFake.DefaultAccessKey,
        ["secure"] = Secure(OutscaleFake.DefaultSecretKey),
        ["credential"] = new PSCredential(OutscaleFake.DefaultAccessKey, Secure(OutscaleFake.DefaultSecretKey)),
    };

    private static System.Security.SecureString Secure(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
