using System;
using SnapshotPS.Core.Model;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>Reports a wait on a snapshot through Write-Progress, one activity per snapshot.</summary>
internal sealed class WaitProgress
{
    private static int _nextActivityId = 1;
    private readonly ICmdletContext _context;
    private readonly int _activityId = System.Threading.Interlocked.Increment(ref _nextActivityId);
    private readonly string _activity;
    private readonly TimeSpan _timeout;

    public WaitProgress(ICmdletContext context, string activity, TimeSpan timeout)
    {
        _context = context;
        _activity = activity;
        _timeout = timeout;
    }

    public void Report(CloudSnapshot snapshot, TimeSpan elapsed)
    {
        var percent = snapshot.Progress is int p ? $", {p}%" : "";
        _context.WriteProgress(new ProgressUpdate(_activityId, _activity, $"{snapshot.State} ({snapshot.ProviderState}){percent}, {elapsed.TotalSeconds:0} s elapsed")
        {
            PercentComplete = snapshot.Progress is int known ? Math.Max(0, Math.Min(100, known)) : -1,
            SecondsRemaining = (int)Math.Max(0, (_timeout - elapsed).TotalSeconds),
        });
    }

    public void Complete() =>
        _context.WriteProgress(new ProgressUpdate(_activityId, _activity, "Done") { Completed = true });
}
