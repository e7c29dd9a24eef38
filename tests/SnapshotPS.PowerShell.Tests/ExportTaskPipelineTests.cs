using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// Export tasks through the pipeline: Stop- and Get-CloudSnapshotExportTask take task objects by value
/// and {Id, Connection} by property name; Get- also takes snapshots by value. Exports stay active here.
/// </summary>
public sealed class ExportTaskPipelineTests : IClassFixture<PowerShellFixture>
{
    private const int Items = 8;
    private readonly PowerShellFixture _fixture;

    public ExportTaskPipelineTests(PowerShellFixture fixture)
    {
        _fixture = fixture;
        _fixture.Outscale.Timings.ExportDelay = TimeSpan.FromHours(1);
    }

    public static TheoryData<string> Sources() => new("ModuleObject", "PSCustomObject", "Csv", "Json", "Hashtable");

    [Theory]
    [MemberData(nameof(Sources))]
    public void Stop_CloudSnapshotExportTask_cancels_each_piped_task(string source)
    {
        using var session = _fixture.ConnectedSession();
        var tasks = StartExports(session, Items + 1);

        var result = Pipe(session, source, tasks.Take(Items).ToList(), "Stop-CloudSnapshotExportTask -PassThru").AssertSucceeded();
        var states = session.Run("Get-CloudSnapshotExportTask -Id $tasks -Connection outscale", new Hashtable { ["tasks"] = tasks.ToArray() })
            .AssertSucceeded().Output.ToDictionary(o => (string)o.Properties["Id"].Value, o => o.Properties["State"].Value.ToString());

        Assert.Equal(tasks.Take(Items), result.Output.Select(o => (string)o.Properties["Id"].Value));
        Assert.All(tasks.Take(Items), id => Assert.Equal("Cancelled", states[id]));
        Assert.NotEqual("Cancelled", states[tasks[Items]]);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Get_CloudSnapshotExportTask_reads_each_piped_task(string source)
    {
        using var session = _fixture.ConnectedSession();
        var tasks = StartExports(session, Items);

        var result = Pipe(session, source, tasks, "Get-CloudSnapshotExportTask").AssertSucceeded();

        Assert.Equal(tasks, result.Output.Select(o => (string)o.Properties["Id"].Value));
    }

    [Fact]
    public void Get_CloudSnapshotExportTask_takes_snapshots_by_value_and_lists_each_ones_tasks()
    {
        using var session = _fixture.ConnectedSession();
        var ids = _fixture.Outscale.SeedSnapshots(Items);
        var tasks = session.Run("$ids | ForEach-Object { Export-CloudSnapshot -Id $_ -Connection outscale -Bucket by-snapshot }",
            new Hashtable { ["ids"] = ids.ToArray() }).AssertSucceeded().Output.Select(o => (string)o.Properties["Id"].Value).ToList();

        var result = session.Run("Get-CloudSnapshot -Id $ids -Connection outscale | Get-CloudSnapshotExportTask", new Hashtable { ["ids"] = ids.ToArray() })
            .AssertSucceeded();

        Assert.Equal(tasks, result.Output.Select(o => (string)o.Properties["Id"].Value));
        Assert.Equal(ids, result.Output.Select(o => (string)o.Properties["SnapshotId"].Value));
    }

    private List<string> StartExports(PowerShellSession session, int count)
    {
        var ids = _fixture.Outscale.SeedSnapshots(count);
        return session.Run("Get-CloudSnapshot -Id $ids -Connection outscale | Export-CloudSnapshot -Bucket stoppable", new Hashtable { ["ids"] = ids.ToArray() })
            .AssertSucceeded().Output.Select(o => (string)o.Properties["Id"].Value).ToList();
    }

    private static ScriptResult Pipe(PowerShellSession session, string source, IReadOnlyList<string> taskIds, string consumer) => session.Run(
        BindingScripts.ConvertToPipelineSource + $$"""

            $tasks = Get-CloudSnapshotExportTask -Id $taskIds -Connection outscale
            $items = if ($source -eq 'ModuleObject') { $tasks } else { ConvertTo-PipelineSource -InputObject $tasks -Kind $source }
            if (@($items).Count -ne $taskIds.Count) { throw "expected $($taskIds.Count) items, got $(@($items).Count)" }
            $items | {{consumer}}
            """,
        new Hashtable { ["taskIds"] = taskIds.ToArray(), ["source"] = source });
}
