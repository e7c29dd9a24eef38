using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Storage;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>
/// Copy-CloudSnapshot through object storage (across clouds, accounts or stores): export into -Bucket of
/// the source's store, check the object, stream it to -DestinationBucket when the destination uses another
/// store, import it at the destination and wait until it is available. One progress bar across the five
/// steps; a failure names its step and what is left behind. The exported and copied objects are kept
/// unless -RemoveIntermediate, and every removal or kept object is said.
/// </summary>
internal sealed class CopyThroughStorage
{
    public const int Steps = 5;
    private static int _nextActivityId = 5000;

    private readonly ICmdletContext _context;
    private readonly CopyPlan _plan;
    private readonly int _activityId = Interlocked.Increment(ref _nextActivityId);
    private readonly List<string> _leftBehind = new();
    private readonly List<Func<Task>> _removals = new();
    private int _step;
    private string _doing = "";

    public CopyThroughStorage(ICmdletContext context, CopyPlan plan)
    {
        _context = context;
        _plan = plan;
    }

    public async Task<CloudSnapshot> RunAsync(CancellationToken cancellationToken)
    {
        var plan = _plan;
        var sourceProvider = plan.Source.GetClient();
        var timeout = plan.Timeout ?? SnapshotWaits.DefaultTimeout;
        try
        {
            Begin(1, $"exporting snapshot {plan.Locator.Id} to bucket '{plan.Bucket}' of {plan.Source.StorageEndpoint}");
            var snapshot = plan.Snapshot ?? await sourceProvider.GetSnapshotAsync(plan.Locator, cancellationToken);
            var task = await sourceProvider.ExportSnapshotAsync(new ExportSnapshotRequest(plan.Locator, plan.Bucket) { Format = DiskImageFormat.Qcow2 }, cancellationToken);
            _leftBehind.Add($"export task {task.Id} on {plan.Source.Name}");
            if (!task.IsFinished)
                task = await new ExportTaskWaiter(sourceProvider).WaitAsync(task.Id, timeout, (t, _) => Report(t.Progress), cancellationToken);
            else if (task.State != ExportTaskState.Completed)
                throw new SnapshotWaitException(task.Id, task, $"Export task {task.Id} ended {task.State}: {task.Comment}");
            _leftBehind.Clear();

            Begin(2, $"checking that the export landed in bucket '{plan.Bucket}' of {plan.Source.StorageEndpoint}");
            var exported = await ExportLanding.FindAsync(plan.Source, task, null, timeout, cancellationToken);
            Keep($"exported object {exported.Bucket}/{exported.Key} at {exported.Endpoint}", () => plan.Source.GetStorage().DeleteAsync(exported.Bucket, exported.Key, CancellationToken.None));

            var holder = plan.Source;
            string bucket = exported.Bucket, key = exported.Key;
            if (plan.MovesObject)
            {
                Begin(3, $"copying {exported.Bucket}/{exported.Key} to bucket '{plan.DestinationBucket}' of {plan.Destination.StorageEndpoint}");
                var size = Math.Max(1, exported.SizeBytes);
                var copied = await plan.Source.GetStorage().CopyToAsync(exported.Bucket, exported.Key, plan.Destination.GetStorage(), plan.DestinationBucket!, exported.Key,
                    new Progress(bytes => Report((int)(bytes * 100 / size))), cancellationToken);
                Keep($"copied object {copied.Bucket}/{copied.Key} at {copied.Endpoint}", () => plan.Destination.GetStorage().DeleteAsync(copied.Bucket, copied.Key, CancellationToken.None));
                holder = plan.Destination;
                bucket = copied.Bucket;
            }
            else
            {
                Begin(3, "copying the object (not needed: both connections use the same store)");
            }

            Begin(4, $"importing {bucket}/{key} into {plan.Destination.Name}");
            var import = SnapshotImports.Plan(plan.Destination, holder, bucket, key);
            var (url, importBucket, importKey, importSize) = await import.ResolveAsync(snapshot.SizeBytes, exported.SizeBytes, cancellationToken);
            var destinationProvider = plan.Destination.GetClient();
            var keepsDescription = (destinationProvider.Capabilities & ProviderCapabilities.Description) != 0;
            var create = NewSnapshotOperation.WithImport(new CreateSnapshotRequest
            {
                Name = plan.Name ?? snapshot.Name,
                Description = plan.Description ?? (keepsDescription ? snapshot.Description : null),
                Tags = plan.Tags,
            }, url, importBucket, importKey, importSize);
            var imported = await destinationProvider.CreateSnapshotAsync(create, cancellationToken);
            _leftBehind.Add($"imported snapshot {imported.Id} on {plan.Destination.Name}");

            Begin(5, $"waiting for snapshot {imported.Id} on {plan.Destination.Name} to be available");
            var ready = imported.State == SnapshotState.Available ? imported
                : await new SnapshotWaiter(destinationProvider).WaitAsync(SnapshotLocator.From(imported), new[] { SnapshotState.Available }, timeout,
                    (s, _) => Report(s.Progress), cancellationToken);
            _leftBehind.RemoveAt(_leftBehind.Count - 1);
            await FinishAsync();
            return ready!;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new CopyStepException(_step, Steps, _doing, _leftBehind.Count == 0 ? null : string.Join("; ", _leftBehind), failure);
        }
        catch (OperationCanceledException) when (_leftBehind.Count > 0)
        {
            TryWarn($"Copy of snapshot {plan.Locator.Id} stopped at step {_step} of {Steps} ({_doing}). Left behind: {string.Join("; ", _leftBehind)}.");
            throw;
        }
        finally
        {
            _context.WriteProgress(new ProgressUpdate(_activityId, Activity, "Done") { Completed = true });
        }
    }

    private string Activity => $"Copying {_plan.Describe} to {_plan.Destination.Name}";

    private void Begin(int step, string doing)
    {
        _step = step;
        _doing = doing;
        _context.WriteVerbose($"Step {step} of {Steps}: {doing}.");
        Report(0);
    }

    /// <summary>The bar across the five steps: each step is a fifth, filled by its own percent when it has one.</summary>
    private void Report(int? percentOfStep)
    {
        var within = Math.Max(0, Math.Min(100, percentOfStep ?? 0));
        var percent = ((_step - 1) * 100 + within) / Steps;
        _context.WriteProgress(new ProgressUpdate(_activityId, Activity, $"Step {_step} of {Steps}: {_doing}") { PercentComplete = percent });
    }

    private void Keep(string what, Func<Task> removal)
    {
        _leftBehind.Add(what);
        _removals.Add(async () =>
        {
            await removal();
            _context.WriteVerbose($"Removed the {what}.");
        });
    }

    /// <summary>On success: removes the intermediate objects with -RemoveIntermediate, else says they are kept.</summary>
    private async Task FinishAsync()
    {
        if (_leftBehind.Count == 0) return;
        if (!_plan.RemoveIntermediate)
        {
            _context.WriteVerbose($"Kept (remove with -RemoveIntermediate): {string.Join("; ", _leftBehind)}.");
            return;
        }
        var kept = new List<string>();
        for (var i = 0; i < _removals.Count; i++)
        {
            try
            {
                await _removals[i]();
            }
            catch (ObjectStorageException failed)
            {
                kept.Add($"{_leftBehind[i]} ({failed.Message})");
            }
        }
        if (kept.Count > 0) _context.WriteWarning($"The copy succeeded but could not remove: {string.Join("; ", kept)}.");
    }

    private void TryWarn(string message)
    {
        try
        {
            _context.WriteWarning(message);
        }
        catch (OperationCanceledException)
        {
            // PowerShell refuses output once the pipeline is stopping.
        }
    }

    private sealed class Progress : IProgress<long>
    {
        private readonly Action<long> _report;

        public Progress(Action<long> report) => _report = report;

        public void Report(long value) => _report(value);
    }
}

/// <summary>Everything a copy through object storage needs, checked before its first request.</summary>
internal sealed class CopyPlan
{
    public SnapshotConnection Source { get; init; } = null!;
    public SnapshotConnection Destination { get; init; } = null!;
    public SnapshotLocator Locator { get; init; } = null!;

    /// <summary>The source snapshot when it came down the pipeline; otherwise it is read in step 1.</summary>
    public CloudSnapshot? Snapshot { get; init; }
    public string Describe { get; init; } = "";
    public string Bucket { get; init; } = "";
    public string? DestinationBucket { get; init; }
    public bool MovesObject { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public TimeSpan? Timeout { get; init; }
    public bool RemoveIntermediate { get; init; }
}
