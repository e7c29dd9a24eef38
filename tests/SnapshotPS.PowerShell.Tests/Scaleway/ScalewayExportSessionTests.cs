using System.Collections;

namespace SnapshotPS.PowerShell.Tests.Scaleway;

/// <summary>Scaleway's exports, export tasks and Set in a real PowerShell.</summary>
public sealed class ScalewayExportSessionTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Fact]
    public void A_piped_export_is_a_task_named_by_the_snapshot_that_Get_CloudSnapshotExportTask_follows_and_Stop_refuses()
    {
        using var session = fixture.ConnectedSession();
        var id = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "ps-exp-")[0];

        var started = session.Run("Get-CloudSnapshot -Id $id | Export-CloudSnapshot -Bucket nightly-backups -Prefix db01/ -Confirm:$false", Vars(id))
            .AssertSucceeded().Output.Single();
        var listed = session.Run("Get-CloudSnapshotExportTask -Connection scaleway").AssertSucceeded().Output;
        var read = session.Run("Get-CloudSnapshotExportTask -Id $id -Connection scaleway", Vars(id)).AssertSucceeded().Output.Single();
        var stopped = session.Run("Stop-CloudSnapshotExportTask -Id $id -Connection scaleway -Confirm:$false", Vars(id));

        Assert.Equal((id, "nightly-backups", $"db01/{id}.qcow2"), (Text(started, "Id"), Text(started, "Bucket"), Text(started, "Key")));
        Assert.Equal(id, Text(Assert.Single(listed), "SnapshotId"));
        Assert.Equal("Completed", Text(read, "State"));
        var refusal = Assert.Single(stopped.Errors);
        Assert.Equal("StopCloudSnapshotExportTaskInvalidArgument,SnapshotPS.Cmdlets.StopCloudSnapshotExportTaskCommand", refusal.FullyQualifiedErrorId);
        Assert.Contains("cannot cancel", refusal.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_export_is_refused_naming_DiskImageFormat_before_any_request()
    {
        using var session = fixture.ConnectedSession();
        var id = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "ps-raw-")[0];
        fixture.Requests.Clear();

        var result = session.Run("Export-CloudSnapshot -Id $id -Connection scaleway -Bucket backups -DiskImageFormat Raw", Vars(id));

        var error = Assert.Single(result.Errors);
        Assert.Equal("ExportCloudSnapshotInvalidArgument,SnapshotPS.Cmdlets.ExportCloudSnapshotCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-DiskImageFormat", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.CloudRequestCount());
    }

    [Fact]
    public void Set_CloudSnapshot_with_a_name_and_every_tag_replaces_the_snapshot_with_one_put()
    {
        using var session = fixture.ConnectedSession();
        var id = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, "ps-set-", tags: ["old=1"])[0];
        fixture.Requests.Clear();

        var set = session.Run("Set-CloudSnapshot -Id $id -Name ps-set-replaced -Tag @{ env = 'prod' } -PassThru -Confirm:$false", Vars(id))
            .AssertSucceeded().Output.Single();
        var tags = (System.Collections.Generic.IReadOnlyDictionary<string, string>)set.Properties["Tags"].Value;

        Assert.Equal("ps-set-replaced", Text(set, "Name"));
        Assert.Equal(["env"], tags.Keys);
        Assert.Equal(1, fixture.RequestCount("scaleway", "PUT", id));
        Assert.Equal(0, fixture.RequestCount("scaleway", "PATCH", id));
    }

    private static Hashtable Vars(string id) => new() { ["id"] = id };

    private static string? Text(PSObject item, string property) => item.Properties[property].Value?.ToString();
}
