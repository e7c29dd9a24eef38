using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Outscale;

/// <summary>Without EmulatorOptions.ObjectStorage, exports write nothing and import URLs are never read.</summary>
public sealed class ObjectStorageDisabledTests : OutscaleTestBase
{
    [Fact]
    public async Task Exports_complete_and_imports_complete_without_touching_any_storage()
    {
        var snapshotId = Outscale.SeedSnapshots(1).Single();
        var task = await OkAsync("CreateSnapshotExportTask",
            $$$"""{"SnapshotId":"{{{snapshotId}}}","OsuExport":{"DiskImageFormat":"raw","OsuBucket":"bucket-nowhere"}}""");
        var taskId = task.GetProperty("SnapshotExportTask").GetProperty("TaskId").GetString();
        var unreachable = "http://127.0.0.1:9/bucket-nowhere/missing.raw?X-Amz-Signature=00";
        var import = await OkAsync("CreateSnapshot", JsonSerializer.Serialize(new { FileLocation = unreachable, SnapshotSize = 1L << 30 }));

        Clock.Advance(Delay);
        var tasks = await OkAsync("ReadSnapshotExportTasks", $$$"""{"Filters":{"TaskIds":["{{{taskId}}}"]}}""");
        var imported = await ReadSnapshotAsync(import.GetProperty("Snapshot").GetProperty("SnapshotId").GetString()!);

        Assert.Null(Host.Outscale.Storage);
        Assert.Equal("completed", State(tasks.GetProperty("SnapshotExportTasks")[0]));
        Assert.Equal("completed", State(imported));
    }
}
