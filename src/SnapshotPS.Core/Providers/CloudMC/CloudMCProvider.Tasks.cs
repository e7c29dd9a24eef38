using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>Asynchronous tasks: read at /tasks/{id} until they leave PENDING, within the connection's TaskTimeout.</summary>
public sealed partial class CloudMCProvider
{
    /// <summary>
    /// Returns once the task succeeded, or once CloudMC no longer knows it (the caller's reads then tell);
    /// throws when it failed (FAILED or FAILURE) or was still pending at the timeout.
    /// </summary>
    private async Task FollowAsync(CloudMCTask task, string what, string howToCheck, CancellationToken cancellationToken)
    {
        if (task.HasFailed) throw TaskFailed(task, what);
        if (!task.IsPending) return;
        await new Poller(_time).PollAsync(
            ct => ReadTaskAsync(task.Id, ct),
            t => t is null ? PollVerdict.Done : t.IsPending ? PollVerdict.KeepWaiting : t.HasFailed ? PollVerdict.Failed : PollVerdict.Done,
            _settings.TaskTimeout,
            SuggestedPollInterval,
            null,
            t => TaskFailed(t!, what),
            t => TaskTimedOut(t!, what, howToCheck),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The task, or null once CloudMC no longer knows it: tasks are kept about 30 minutes (a 404 then is UNVERIFIED).</summary>
    private async Task<CloudMCTask?> ReadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        try
        {
            return await _api.GetTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudApiException gone) when (gone.Kind == CloudErrorKind.NotFound)
        {
            return null;
        }
    }

    private static CloudApiException TaskFailed(CloudMCTask task, string what) =>
        new(CloudProvider.CloudMC, CloudErrorKind.Unknown,
            $"CloudMC task {task.Id} ({what}) ended {task.Status}" + (task.FailureDetail is { Length: > 0 } detail ? ": " + detail.TrimEnd('.') : "") + ".",
            errorCode: task.Status);

    private CloudApiException TaskTimedOut(CloudMCTask task, string what, string howToCheck) =>
        new(CloudProvider.CloudMC, CloudErrorKind.Timeout,
            $"CloudMC task {task.Id} ({what}) was still {task.Status} after {_settings.TaskTimeout}; it may still finish. {howToCheck}",
            errorCode: task.Status, mayHaveSucceeded: true);
}
