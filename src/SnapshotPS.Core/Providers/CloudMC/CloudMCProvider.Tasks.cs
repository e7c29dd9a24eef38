using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>Asynchronous tasks: read at /tasks/{id} until they leave PENDING, within the connection's TaskTimeout.</summary>
public sealed partial class CloudMCProvider
{
    /// <summary>The task once it succeeded; throws when it failed (FAILED or FAILURE) or was still pending at the timeout.</summary>
    private async Task<CloudMCTask> FollowAsync(CloudMCTask task, string what, string howToCheck, CancellationToken cancellationToken)
    {
        if (task.HasFailed) throw TaskFailed(task, what);
        if (!task.IsPending) return task;
        return await new Poller(_time).PollAsync(
            ct => _api.GetTaskAsync(task.Id, ct),
            t => t.IsPending ? PollVerdict.KeepWaiting : t.HasFailed ? PollVerdict.Failed : PollVerdict.Done,
            _settings.TaskTimeout,
            SuggestedPollInterval,
            null,
            t => TaskFailed(t, what),
            t => TaskTimedOut(t, what, howToCheck),
            cancellationToken).ConfigureAwait(false);
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
