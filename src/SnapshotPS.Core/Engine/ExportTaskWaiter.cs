using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;

namespace SnapshotPS.Core.Engine;

/// <summary>Polls an export task until it completes; a failed or cancelled task ends the wait with an error.</summary>
public sealed class ExportTaskWaiter
{
    private readonly ISnapshotProvider _provider;
    private readonly Poller _poller;

    public ExportTaskWaiter(ISnapshotProvider provider, TimeProvider? time = null)
    {
        _provider = provider;
        _poller = new Poller(time);
    }

    public TimeSpan? PollInterval { get; set; }

    public Task<SnapshotExportTask> WaitAsync(string taskId, TimeSpan timeout, Action<SnapshotExportTask, TimeSpan>? onPoll, CancellationToken cancellationToken) =>
        _poller.PollAsync(
            ct => _provider.GetExportTaskAsync(taskId, ct),
            t => t.State == ExportTaskState.Completed ? PollVerdict.Done : t.IsFinished ? PollVerdict.Failed : PollVerdict.KeepWaiting,
            timeout,
            PollInterval ?? _provider.SuggestedPollInterval,
            onPoll,
            t => new SnapshotWaitException(taskId, t, $"Export task {taskId} ended {t.State}{(string.IsNullOrEmpty(t.Comment) ? "" : ": " + t.Comment)}."),
            t => new SnapshotWaitException(taskId, t, $"Export task {taskId} did not complete within {timeout}; it is {t.State} at {t.Progress ?? 0}%.", timedOut: true),
            cancellationToken);
}
