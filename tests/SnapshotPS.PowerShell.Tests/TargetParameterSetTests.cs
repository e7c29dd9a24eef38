using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// The cmdlets acting on a snapshot (or export task) take it as -InputObject or as -Id with
/// -Connection/-Location; mixing the two, or naming neither, is PowerShell's own binding error.
/// </summary>
public sealed class TargetParameterSetTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    public static TheoryData<string, string, string> TargetCmdlets() => new()
    {
        { "Copy-CloudSnapshot", "CopyCloudSnapshotCommand", "" },
        { "Export-CloudSnapshot", "ExportCloudSnapshotCommand", "-Bucket exports" },
        { "Grant-CloudSnapshotPermission", "GrantCloudSnapshotPermissionCommand", "-AccountId 111122223333" },
        { "Remove-CloudSnapshot", "RemoveCloudSnapshotCommand", "-Force" },
        { "Revoke-CloudSnapshotPermission", "RevokeCloudSnapshotPermissionCommand", "-AccountId 111122223333" },
        { "Set-CloudSnapshot", "SetCloudSnapshotCommand", "-AddTag @{ a = 'b' }" },
        { "Wait-CloudSnapshot", "WaitCloudSnapshotCommand", "" },
    };

    [Theory]
    [MemberData(nameof(TargetCmdlets))]
    public void InputObject_with_Id_is_an_ambiguous_parameter_set(string cmdlet, string cmdletClass, string extra)
    {
        using var session = fixture.ConnectedSession();
        var id = fixture.Outscale.SeedSnapshots(1).Single();
        fixture.Requests.Clear();

        var result = session.Run($"$s = Get-CloudSnapshot -Id $id -Connection outscale; {cmdlet} -InputObject $s -Id $id {extra}", Vars(id));

        BindingScripts.AssertBindingError(result, "AmbiguousParameterSet", cmdletClass);
        Assert.Equal(1, fixture.CloudRequestCount());
    }

    [Theory]
    [MemberData(nameof(TargetCmdlets))]
    public void A_snapshot_object_with_another_Connection_is_an_error_before_any_request(string cmdlet, string cmdletClass, string extra)
    {
        using var session = fixture.ConnectedSession();
        var id = fixture.Outscale.SeedSnapshots(1).Single();
        var snapshot = session.Run("Get-CloudSnapshot -Id $id -Connection outscale", Vars(id)).AssertSucceeded().Output.Single();
        fixture.Requests.Clear();

        var result = session.Run($"{cmdlet} -InputObject $s -Connection scaleway {extra}", new Hashtable { ["s"] = snapshot });

        var error = Assert.Single(result.Errors);
        Assert.Equal(cmdletClass.Replace("Command", "", StringComparison.Ordinal) + "InvalidArgument", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("'outscale'", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.CloudRequestCount());
        Assert.True(fixture.Outscale.SnapshotExists(id));
    }

    [Theory]
    [MemberData(nameof(TargetCmdlets))]
    public void Neither_InputObject_nor_Id_is_a_missing_mandatory_parameter(string cmdlet, string cmdletClass, string extra)
    {
        using var session = fixture.ConnectedSession();
        fixture.Requests.Clear();

        var result = session.Run($"{cmdlet} {extra}");

        var error = BindingScripts.AssertBindingError(result, "MissingMandatoryParameter", cmdletClass);
        Assert.Contains("InputObject", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.CloudRequestCount());
    }

    [Fact]
    public void A_positional_snapshot_object_binds_InputObject_and_uses_its_own_connection()
    {
        using var session = fixture.ConnectedSession();
        var id = fixture.Outscale.SeedSnapshots(1).Single();

        session.Run("$s = Get-CloudSnapshot -Id $id -Connection outscale; Remove-CloudSnapshot $s -Force", Vars(id)).AssertSucceeded();

        Assert.False(fixture.Outscale.SnapshotExists(id));
    }

    [Fact]
    public void A_positional_string_binds_Id_and_takes_Connection_by_name()
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Outscale.SeedSnapshots(2);

        session.Run("Remove-CloudSnapshot $id -Connection outscale -Force", Vars(ids[0])).AssertSucceeded();

        Assert.False(fixture.Outscale.SnapshotExists(ids[0]));
        Assert.True(fixture.Outscale.SnapshotExists(ids[1]));
    }

    [Fact]
    public void Without_Connection_the_Id_set_uses_the_default_connection()
    {
        using var session = fixture.ConnectedSession();
        var id = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, namePrefix: "default-conn-").Single();

        var output = session.Run("Set-CloudSnapshot -Id $id -Name renamed-default -PassThru", Vars(id)).AssertSucceeded().Output;

        Assert.Equal("scaleway", Assert.Single(output).Properties["Connection"].Value);
        Assert.Equal("renamed-default", output[0].Properties["Name"].Value);
    }

    [Fact]
    public void Stop_CloudSnapshotExportTask_refuses_InputObject_with_Id_and_needs_one_of_them()
    {
        using var session = fixture.ConnectedSession();
        var id = fixture.Outscale.SeedSnapshots(1).Single();
        var task = session.Run("Export-CloudSnapshot -Id $id -Connection outscale -Bucket exports", Vars(id)).AssertSucceeded().Output.Single();

        var both = session.Run("Stop-CloudSnapshotExportTask -InputObject $task -Id $task.Id", new Hashtable { ["task"] = task });
        var neither = session.Run("Stop-CloudSnapshotExportTask -PassThru");

        BindingScripts.AssertBindingError(both, "AmbiguousParameterSet", "StopCloudSnapshotExportTaskCommand");
        BindingScripts.AssertBindingError(neither, "MissingMandatoryParameter", "StopCloudSnapshotExportTaskCommand");
    }

    [Fact]
    public void Export_CloudSnapshot_without_Bucket_is_a_missing_mandatory_parameter_in_both_sets()
    {
        using var session = fixture.ConnectedSession();
        var id = fixture.Outscale.SeedSnapshots(1).Single();

        var byId = session.Run("Export-CloudSnapshot -Id $id -Connection outscale", Vars(id));
        var byObject = session.Run("Export-CloudSnapshot -InputObject (Get-CloudSnapshot -Id $id -Connection outscale)", Vars(id));

        Assert.Contains("Bucket", BindingScripts.AssertBindingError(byId, "MissingMandatoryParameter", "ExportCloudSnapshotCommand").Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Bucket", BindingScripts.AssertBindingError(byObject, "MissingMandatoryParameter", "ExportCloudSnapshotCommand").Exception.Message, StringComparison.Ordinal);
    }

    private static Hashtable Vars(string id) => new() { ["id"] = id, ["outscaleAccount"] = OutscaleFake.DefaultAccountId };
}
