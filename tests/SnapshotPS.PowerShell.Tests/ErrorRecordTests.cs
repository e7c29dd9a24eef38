using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// A pipeline of ids where some do not exist: exactly one ErrorRecord per missing id, with the
/// documented ErrorId, category and target, and the other ids still acted on.
/// </summary>
public sealed class ErrorRecordTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const string Zone = "fr-par-1";
    private const string MissingScaleway = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    private const string OtherMissingScaleway = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
    private const string MissingOutscale = "snap-0000dead";

    private const string Pipe = "$ids | ForEach-Object { [pscustomobject]@{ Id = $_; Connection = $connection } } | ";

    private static Hashtable Vars(IEnumerable<string> ids, string connection = "scaleway") =>
        new() { ["ids"] = ids.ToArray(), ["connection"] = connection };

    [Fact]
    public void Remove_writes_one_NotFound_record_per_missing_id_and_removes_the_others()
    {
        var existing = fixture.Scaleway.SeedInstanceSnapshots(Zone, 2, namePrefix: "err-remove-");
        var before = fixture.Scaleway.InstanceSnapshotCount(Zone);
        using var session = fixture.ConnectedSession();

        var result = session.Run(Pipe + "Remove-CloudSnapshot -Force", Vars([MissingScaleway, existing[0], OtherMissingScaleway, existing[1]]));

        Assert.Null(result.Terminating);
        Assert.Collection(result.Errors.OrderBy(e => (string)e.TargetObject, StringComparer.Ordinal),
            e => ErrorRecordAssert.IsItemError(e, "RemoveCloudSnapshotNotFound", "SnapshotPS.Cmdlets.RemoveCloudSnapshotCommand", ErrorCategory.ObjectNotFound, MissingScaleway),
            e => ErrorRecordAssert.IsItemError(e, "RemoveCloudSnapshotNotFound", "SnapshotPS.Cmdlets.RemoveCloudSnapshotCommand", ErrorCategory.ObjectNotFound, OtherMissingScaleway));
        Assert.Equal(before - 2, fixture.Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public void Set_writes_one_NotFound_record_per_missing_id_and_renames_the_others()
    {
        var existing = fixture.Scaleway.SeedInstanceSnapshots(Zone, 2, namePrefix: "err-set-");
        using var session = fixture.ConnectedSession();

        var result = session.Run(Pipe + "Set-CloudSnapshot -Name err-set-renamed", Vars([existing[0], MissingScaleway, existing[1]]));

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        ErrorRecordAssert.IsItemError(error, "SetCloudSnapshotNotFound", "SnapshotPS.Cmdlets.SetCloudSnapshotCommand", ErrorCategory.ObjectNotFound, MissingScaleway);
        var renamed = session.Run("Get-CloudSnapshot -Name err-set-renamed | ForEach-Object Id").AssertSucceeded();
        Assert.Equal(existing.Order(), renamed.Output.Select(o => (string)o.BaseObject).Order());
    }

    [Fact]
    public void Wait_writes_one_WaitFailed_record_for_a_missing_id_and_writes_the_others()
    {
        var existing = fixture.Scaleway.SeedInstanceSnapshots(Zone, 2, namePrefix: "err-wait-");
        using var session = fixture.ConnectedSession();

        var result = session.Run(Pipe + "Wait-CloudSnapshot -PollInterval 1", Vars([existing[0], MissingScaleway, existing[1]]));

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        ErrorRecordAssert.IsItemError(error, "WaitCloudSnapshotWaitFailed", "SnapshotPS.Cmdlets.WaitCloudSnapshotCommand", ErrorCategory.InvalidResult, MissingScaleway);
        Assert.Equal(existing.Order(), result.Output.Select(o => (string)o.Properties["Id"].Value).Order());
    }

    [Fact]
    public void Get_by_id_writes_one_NotFound_record_per_missing_id_and_writes_the_others()
    {
        var existing = fixture.Scaleway.SeedInstanceSnapshots(Zone, 2, namePrefix: "err-get-");
        using var session = fixture.ConnectedSession();

        var result = session.Run("Get-CloudSnapshot -Id $ids", Vars([MissingScaleway, existing[0], existing[1], OtherMissingScaleway]));

        Assert.Null(result.Terminating);
        Assert.Collection(result.Errors,
            e => ErrorRecordAssert.IsItemError(e, "GetCloudSnapshotNotFound", "SnapshotPS.Cmdlets.GetCloudSnapshotCommand", ErrorCategory.ObjectNotFound, MissingScaleway),
            e => ErrorRecordAssert.IsItemError(e, "GetCloudSnapshotNotFound", "SnapshotPS.Cmdlets.GetCloudSnapshotCommand", ErrorCategory.ObjectNotFound, OtherMissingScaleway));
        Assert.Equal(existing, result.Output.Select(o => (string)o.Properties["Id"].Value));
    }

    [Fact]
    public void Copy_on_Outscale_writes_one_NotFound_record_for_a_missing_id_and_copies_the_other()
    {
        var existing = fixture.Outscale.SeedSnapshots(1)[0];
        var before = fixture.Outscale.SnapshotCount();
        using var session = fixture.ConnectedSession();

        var result = session.Run(Pipe + "Copy-CloudSnapshot", Vars([MissingOutscale, existing], "outscale"));

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        ErrorRecordAssert.IsItemError(error, "CopyCloudSnapshotNotFound", "SnapshotPS.Cmdlets.CopyCloudSnapshotCommand", ErrorCategory.ObjectNotFound, MissingOutscale);
        Assert.Single(result.Output);
        Assert.Equal(before + 1, fixture.Outscale.SnapshotCount());
    }

    [Fact]
    public void Export_on_Outscale_writes_one_NotFound_record_for_a_missing_id_and_exports_the_other()
    {
        var existing = fixture.Outscale.SeedSnapshots(1)[0];
        using var session = fixture.ConnectedSession();

        var result = session.Run(Pipe + "Export-CloudSnapshot -Bucket err-bucket", Vars([existing, MissingOutscale], "outscale"));

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        ErrorRecordAssert.IsItemError(error, "ExportCloudSnapshotNotFound", "SnapshotPS.Cmdlets.ExportCloudSnapshotCommand", ErrorCategory.ObjectNotFound, MissingOutscale);
        var tasks = session.Run("Get-CloudSnapshotExportTask -Connection outscale -SnapshotId $id | ForEach-Object SnapshotId",
            new Hashtable { ["id"] = existing }).AssertSucceeded();
        Assert.Equal(existing, Assert.Single(tasks.Output).BaseObject);
    }

    [Fact]
    public void Grant_on_Outscale_writes_one_NotFound_record_for_a_missing_id_and_shares_the_other()
    {
        var existing = fixture.Outscale.SeedSnapshots(1)[0];
        const string account = "210987654321";
        using var session = fixture.ConnectedSession();

        var result = session.Run(Pipe + "Grant-CloudSnapshotPermission -AccountId " + account, Vars([MissingOutscale, existing], "outscale"));

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        ErrorRecordAssert.IsItemError(error, "GrantCloudSnapshotPermissionNotFound", "SnapshotPS.Cmdlets.GrantCloudSnapshotPermissionCommand", ErrorCategory.ObjectNotFound, MissingOutscale);
        Assert.Contains(existing, fixture.Outscale.SnapshotIdsSharedWith(account));
    }

    [Fact]
    public void SilentlyContinue_hides_the_records_and_ErrorVariable_holds_exactly_one_per_missing_id()
    {
        var existing = fixture.Scaleway.SeedInstanceSnapshots(Zone, 1, namePrefix: "err-silent-");
        using var session = fixture.ConnectedSession();

        var result = session.Run(Pipe + "Remove-CloudSnapshot -Force -ErrorAction SilentlyContinue -ErrorVariable failures; $failures",
            Vars([MissingScaleway, existing[0], OtherMissingScaleway]));

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        // Errors come in completion order (items run concurrently): compare them by target.
        var held = result.Output.Select(o => Assert.IsType<ErrorRecord>(o.BaseObject)).OrderBy(e => (string)e.TargetObject, StringComparer.Ordinal).ToList();
        Assert.Collection(held,
            e => ErrorRecordAssert.IsItemError(e, "RemoveCloudSnapshotNotFound", "SnapshotPS.Cmdlets.RemoveCloudSnapshotCommand", ErrorCategory.ObjectNotFound, MissingScaleway),
            e => ErrorRecordAssert.IsItemError(e, "RemoveCloudSnapshotNotFound", "SnapshotPS.Cmdlets.RemoveCloudSnapshotCommand", ErrorCategory.ObjectNotFound, OtherMissingScaleway));
        var gone = session.Run("Get-CloudSnapshot -Id $id -ErrorAction SilentlyContinue", new Hashtable { ["id"] = existing[0] });
        Assert.Empty(gone.Output);
    }

    [Fact]
    public void Stop_ends_the_pipeline_at_the_first_missing_id_with_its_record()
    {
        var existing = fixture.Scaleway.SeedInstanceSnapshots(Zone, 2, namePrefix: "err-stop-");
        using var session = fixture.ConnectedSession();

        // One at a time, so that nothing after the failing item has started when it fails (with more in
        // flight, items already sent finish or are cancelled, as the help says).
        var result = session.Run(Pipe + "Set-CloudSnapshot -Name err-stop-renamed -ErrorAction Stop -ThrottleLimit 1", Vars([existing[0], MissingScaleway, existing[1]]));

        var record = ErrorRecordAssert.TerminatedWith(result, "SetCloudSnapshotNotFound", "SnapshotPS.Cmdlets.SetCloudSnapshotCommand");
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.Equal(MissingScaleway, record.TargetObject);
        var renamed = session.Run("Get-CloudSnapshot -Name err-stop-renamed | ForEach-Object Id").AssertSucceeded();
        Assert.Equal(existing[0], Assert.Single(renamed.Output).BaseObject);
    }
}
