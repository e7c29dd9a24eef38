namespace SnapshotPS.Emulator.Outscale.Storage;

/// <summary>
/// Writes exports lazily: a read that finds an account's tasks due starts their uploads and waits for them, so the
/// answer shows "completed" only once the object exists, and "failed" when it could not be written.
/// </summary>
internal static class ExportUploads
{
    public static async Task SettleAsync(OutscaleFake fake, OutscaleAccount account, CancellationToken cancellationToken)
    {
        if (fake.Storage is not { } storage)
        {
            return;
        }

        var store = fake.Store;
        List<Task<string?>> pending;
        lock (store.Gate)
        {
            var now = store.Now;
            foreach (var task in store.ExportTasks.Values)
            {
                if (task.AccountId == account.AccountId && task.IsDueForUpload(now))
                {
                    var volumeSize = store.Snapshots.GetValueOrDefault(task.SnapshotId)?.VolumeSize ?? 0;
                    task.Upload = ExportImage.PutAsync(storage, task, volumeSize);
                }
            }

            pending = store.ExportTasks.Values
                .Where(task => task.AccountId == account.AccountId && task.Upload is { IsCompleted: false })
                .Select(task => task.Upload!)
                .ToList();
        }

        await Task.WhenAll(pending).WaitAsync(cancellationToken);
    }
}
