using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// A user's day, one script step at a time, on each cloud: connect, create, tag, wait, copy, share,
/// export, remove, disconnect; each step checked in the emulator or in what the cmdlet wrote.
/// Exports run for an hour here, so that a task is still active when it is stopped.
/// </summary>
public sealed class LifecycleWalkthroughTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync(new EmulatorOptions
    {
        ScalewayTimings = new ScalewayTimings { SnapshotDelay = TimeSpan.Zero, ImportDelay = TimeSpan.Zero, ExportDelay = TimeSpan.Zero, BlockCreateDelay = TimeSpan.Zero },
        OutscaleTimings = new OutscaleTimings { SnapshotDelay = TimeSpan.Zero, ImportDelay = TimeSpan.Zero, ExportDelay = TimeSpan.FromHours(1) },
    });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public void Scaleway_connect_create_rename_wait_remove_and_disconnect()
    {
        var volume = _emulator.Scaleway.AddInstanceVolume("fr-par-1", "db01", 20_000_000_000);
        using var session = new PowerShellSession();
        var variables = new Hashtable
        {
            ["endpoint"] = _emulator.ScalewayEndpoint, ["project"] = ScalewayFake.DefaultProjectId,
            ["secret"] = ScalewayFake.DefaultSecretKey, ["volume"] = volume,
        };

        var connection = session.Run(
            "Connect-SnapshotProvider -Provider Scaleway -Name par -Endpoint $endpoint -Zone fr-par-1 -ProjectId $project " +
            "-SecretKey (ConvertTo-SecureString $secret -AsPlainText -Force) -PassThru", variables).AssertSucceeded().Output.Single();
        var before = _emulator.Scaleway.InstanceSnapshotCount("fr-par-1");
        var created = session.Run("New-CloudSnapshot -VolumeId $volume -Name walk-db01 -Tag @{ env = 'prod' } -Wait -Confirm:$false", variables)
            .AssertSucceeded().Output.Single();
        variables["id"] = created.Properties["Id"].Value;
        var renamed = session.Run("Get-CloudSnapshot -Id $id | Set-CloudSnapshot -Name walk-db01-kept -AddTag @{ keep = '' } -PassThru -Confirm:$false", variables)
            .AssertSucceeded().Output.Single();
        var waited = session.Run("Wait-CloudSnapshot -Id $id -State Available -Timeout 30", variables).AssertSucceeded().Output.Single();
        session.Run("Get-CloudSnapshot -Name walk-db01-kept | Remove-CloudSnapshot -Force -Wait", variables).AssertSucceeded();
        var providers = session.Run("Get-SnapshotProvider | ForEach-Object Name").AssertSucceeded().Output;
        session.Run("Disconnect-SnapshotProvider -Name par -Confirm:$false").AssertSucceeded();

        Assert.Equal("par", connection.Properties["Name"].Value);
        Assert.Equal(volume, created.Properties["VolumeId"].Value);
        Assert.Equal("Available", created.Properties["State"].Value.ToString());
        Assert.Equal("walk-db01-kept", renamed.Properties["Name"].Value);
        Assert.Equal(["env", "keep"], ((IReadOnlyDictionary<string, string>)renamed.Properties["Tags"].Value).Keys.Order());
        Assert.Equal(variables["id"], waited.Properties["Id"].Value);
        Assert.Equal(before, _emulator.Scaleway.InstanceSnapshotCount("fr-par-1"));
        Assert.Equal(["par"], providers.Select(p => p.BaseObject));
        Assert.Empty(session.Run("Get-SnapshotProvider").AssertSucceeded().Output);
    }

    [Fact]
    public void Outscale_connect_create_copy_share_export_stop_remove_and_disconnect()
    {
        const string partner = "210987654321";
        using var session = new PowerShellSession();
        var variables = new Hashtable
        {
            ["endpoint"] = _emulator.OutscaleEndpoint, ["access"] = OutscaleFake.DefaultAccessKey,
            ["secret"] = OutscaleFake.DefaultSecretKey, ["volume"] = _emulator.Outscale.AddVolume(10), ["partner"] = partner,
        };

        session.Run(
            "$credential = [pscredential]::new($access, (ConvertTo-SecureString $secret -AsPlainText -Force)); " +
            "Connect-SnapshotProvider -Provider Outscale -Name osc -Endpoint $endpoint -Region eu-west-2 -Credential $credential", variables).AssertSucceeded();
        var original = session.Run("New-CloudSnapshot -VolumeId $volume -Name walk-release -Wait -Confirm:$false", variables).AssertSucceeded().Output.Single();
        variables["id"] = original.Properties["Id"].Value;
        var copy = session.Run("Get-CloudSnapshot -Id $id | Copy-CloudSnapshot -Name walk-release-copy -Wait -Confirm:$false", variables)
            .AssertSucceeded().Output.Single();
        session.Run("Grant-CloudSnapshotPermission -Id $id -AccountId $partner -Confirm:$false", variables).AssertSucceeded();
        var sharedAfterGrant = _emulator.Outscale.SnapshotIdsSharedWith(partner);
        session.Run("Revoke-CloudSnapshotPermission -Id $id -AccountId $partner -Confirm:$false", variables).AssertSucceeded();
        var task = session.Run("Export-CloudSnapshot -Id $id -Bucket walk-backups -Confirm:$false", variables).AssertSucceeded().Output.Single();
        variables["task"] = task.Properties["Id"].Value;
        var listed = session.Run("Get-CloudSnapshotExportTask -Id $task", variables).AssertSucceeded().Output.Single();
        var stopped = session.Run("Stop-CloudSnapshotExportTask -Id $task -PassThru -Confirm:$false", variables);
        session.Run("Get-CloudSnapshot -Name walk-release* | Remove-CloudSnapshot -Force", variables).AssertSucceeded();
        session.Run("Disconnect-SnapshotProvider -All -Confirm:$false").AssertSucceeded();

        Assert.NotEqual(variables["id"], copy.Properties["Id"].Value);
        Assert.Equal("walk-release-copy", copy.Properties["Name"].Value);
        Assert.Contains((string)variables["id"]!, sharedAfterGrant);
        Assert.DoesNotContain((string)variables["id"]!, _emulator.Outscale.SnapshotIdsSharedWith(partner));
        Assert.Equal(variables["id"], listed.Properties["SnapshotId"].Value);
        Assert.Equal("walk-backups", listed.Properties["Bucket"].Value);
        Assert.Equal("Pending", listed.Properties["State"].Value.ToString());
        var stoppedTask = stopped.AssertSucceeded().Output.Single();
        Assert.Equal(variables["task"], stoppedTask.Properties["Id"].Value);
        Assert.Equal("Cancelled", stoppedTask.Properties["State"].Value.ToString());
        Assert.False(_emulator.Outscale.SnapshotExists((string)variables["id"]!));
        Assert.False(_emulator.Outscale.SnapshotExists((string)copy.Properties["Id"].Value));
        Assert.Empty(session.Run("Get-SnapshotProvider").AssertSucceeded().Output);
    }
}
