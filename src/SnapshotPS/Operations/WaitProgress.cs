using System;
using SnapshotPS.Core.Model;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>Reports a wait through Write-Progress, one activity per snapshot or task waited for.</summary>
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

    public void Report(CloudSnapshot snapshot, TimeSpan elapsed) =>
        Report($"{snapshot.State} ({snapshot.ProviderState})", snapshot.Progress, elapsed);

    public void Report(string state, int? percent, TimeSpan elapsed) =>
        _context.WriteProgress(new ProgressUpdate(_activityId, _activity, $"{state}{(percent is int p ? $", {p}%" : "")}, {elapsed.TotalSeconds:0} s elapsed")
        {
            PercentComplete = percent is int known ? Math.Max(0, Math.Min(100, known)) : -1,
            SecondsRemaining = (int)Math.Max(0, (_timeout - elapsed).TotalSeconds),
        });

    public void Complete() =>
        _context.WriteProgress(new ProgressUpdate(_activityId, _activity, "Done") { Completed = true });
}
