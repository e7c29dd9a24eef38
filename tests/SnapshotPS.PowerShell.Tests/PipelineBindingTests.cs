using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// Every cmdlet that acts on snapshots takes them from the pipeline: CloudSnapshot objects by value,
/// and by property name (Id, Connection) from custom objects, Import-Csv rows, ConvertFrom-Json
/// objects and hashtables cast to objects. Outscale is used as it supports every action.
/// </summary>
public sealed class PipelineBindingTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const int Items = 12;
    private const string Account = "444455556666";

    public static TheoryData<string> Sources() => new("ModuleObject", "PSCustomObject", "Csv", "Json", "Hashtable");

    [Theory]
    [MemberData(nameof(Sources))]
    public void Remove_CloudSnapshot_removes_each_piped_snapshot_and_no_other(string source)
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Outscale.SeedSnapshots(Items);
        var bystander = fixture.Outscale.SeedSnapshots(1).Single();

        Pipe(session, source, ids, "Remove-CloudSnapshot -Force").AssertSucceeded();

        Assert.All(ids, id => Assert.False(fixture.Outscale.SnapshotExists(id)));
        Assert.True(fixture.Outscale.SnapshotExists(bystander));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Set_CloudSnapshot_updates_each_piped_snapshot(string source)
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Outscale.SeedSnapshots(Items);

        var result = Pipe(session, source, ids, "Set-CloudSnapshot -AddTag @{ via = $source } -PassThru").AssertSucceeded();

        Assert.Equal(ids.Order(), IdsOf(result).Order());
        Assert.All(result.Output, o => Assert.Equal(source, ((IReadOnlyDictionary<string, string>)o.Properties["Tags"].Value)["via"]));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Wait_CloudSnapshot_writes_each_piped_snapshot_once_available(string source)
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Outscale.SeedSnapshots(Items);

        var result = Pipe(session, source, ids, "Wait-CloudSnapshot -Timeout 30").AssertSucceeded();

        Assert.Equal(ids.Order(), IdsOf(result).Order());
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Get_CloudSnapshot_reads_each_piped_Id_through_its_Connection(string source)
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Outscale.SeedSnapshots(Items);

        var result = Pipe(session, source, ids, "Get-CloudSnapshot").AssertSucceeded();

        Assert.Equal(ids, IdsOf(result));
        Assert.All(result.Output, o => Assert.Equal("outscale", o.Properties["Connection"].Value));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Copy_CloudSnapshot_copies_each_piped_snapshot(string source)
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Outscale.SeedSnapshots(Items);
        var before = fixture.Outscale.SnapshotCount();

        var result = Pipe(session, source, ids, "Copy-CloudSnapshot -Description copied").AssertSucceeded();

        Assert.Equal(Items, result.Output.Count);
        Assert.Empty(IdsOf(result).Intersect(ids));
        Assert.Equal(before + Items, fixture.Outscale.SnapshotCount());
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Export_CloudSnapshot_starts_one_task_per_piped_snapshot(string source)
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Outscale.SeedSnapshots(Items);

        var result = Pipe(session, source, ids, "Export-CloudSnapshot -Bucket piped").AssertSucceeded();

        Assert.Equal(ids.Order(), result.Output.Select(o => (string)o.Properties["SnapshotId"].Value).Order());
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Grant_then_Revoke_CloudSnapshotPermission_change_each_piped_snapshot(string source)
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Outscale.SeedSnapshots(Items);

        Pipe(session, source, ids, "Grant-CloudSnapshotPermission -AccountId $account").AssertSucceeded();
        var granted = fixture.Outscale.SnapshotIdsSharedWith(Account);
        Pipe(session, source, ids.Take(Items / 2).ToList(), "Revoke-CloudSnapshotPermission -AccountId $account").AssertSucceeded();
        var afterRevoke = fixture.Outscale.SnapshotIdsSharedWith(Account);

        Assert.Subset(granted.ToHashSet(), ids.ToHashSet());
        Assert.Equal(ids.Skip(Items / 2), afterRevoke.Intersect(ids));
    }

    [Fact]
    public void Whole_snapshots_saved_with_Export_Csv_and_ConvertTo_Json_bind_back_by_property_name()
    {
        using var session = fixture.ConnectedSession();
        var ids = fixture.Outscale.SeedSnapshots(Items);
        var scalewayIds = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", Items, namePrefix: "whole-");
        var script = BindingScripts.ConvertToPipelineSource + """
            $all = @(Get-CloudSnapshot -Id $ids -Connection outscale) + @(Get-CloudSnapshot -Id $scalewayIds -Connection scaleway)
            ConvertTo-PipelineSource -InputObject $all -Kind Csv -Property * | Set-CloudSnapshot -AddTag @{ round = 'csv' } -PassThru
            ConvertTo-PipelineSource -InputObject $all -Kind Json -Property * | Set-CloudSnapshot -AddTag @{ round = 'json' } -PassThru
            """;

        var result = session.Run(script, new Hashtable { ["ids"] = ids.ToArray(), ["scalewayIds"] = scalewayIds.ToArray() }).AssertSucceeded();

        // Each Set-CloudSnapshot writes in completion order; the second starts after the first has ended.
        var expected = ids.Concat(scalewayIds).Order().ToList();
        var csvRound = result.Output.Take(2 * Items).ToList();
        var jsonRound = result.Output.Skip(2 * Items).ToList();
        Assert.Equal(expected, csvRound.Select(o => (string)o.Properties["Id"].Value).Order());
        Assert.Equal(expected, jsonRound.Select(o => (string)o.Properties["Id"].Value).Order());
        Assert.All(csvRound, o => Assert.Equal(ids.Contains((string)o.Properties["Id"].Value) ? "outscale" : "scaleway", o.Properties["Connection"].Value));
    }

    private ScriptResult Pipe(PowerShellSession session, string source, IReadOnlyList<string> ids, string consumer) => session.Run(
        BindingScripts.ConvertToPipelineSource + $$"""

            $snapshots = Get-CloudSnapshot -Id $ids -Connection outscale
            $items = if ($source -eq 'ModuleObject') { $snapshots } else { ConvertTo-PipelineSource -InputObject $snapshots -Kind $source }
            if (@($items).Count -ne $ids.Count) { throw "expected $($ids.Count) items, got $(@($items).Count)" }
            $items | {{consumer}}
            """,
        new Hashtable { ["ids"] = ids.ToArray(), ["source"] = source, ["account"] = Account });

    private static List<string> IdsOf(ScriptResult result) => result.Output.Select(o => (string)o.Properties["Id"].Value).ToList();
}
