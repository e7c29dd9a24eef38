using System;
using SnapshotPS.Core.Model;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>
/// Reports a wait through Write-Progress: its own activity while it waits alone, the cmdlet's
/// shared bar (WaitBoard) while others wait beside it.
/// </summary>
internal sealed class WaitProgress
{
    private static int _nextActivityId = 1;
    private readonly ICmdletContext _context;
    private readonly WaitBoard _board;
    private readonly int _activityId = System.Threading.Interlocked.Increment(ref _nextActivityId);
    private readonly string _activity;
    private readonly TimeSpan _timeout;
    private bool _shown;

    /// <param name="goal">What a finished wait has become, for the shared bar: "available", "deleted", "completed".</param>
    public WaitProgress(ICmdletContext context, string activity, TimeSpan timeout, string goal)
    {
        _context = context;
        _activity = activity;
        _timeout = timeout;
        _board = WaitBoard.For(context);
        _board.Join(goal);
    }

    public void Report(CloudSnapshot snapshot, TimeSpan elapsed) =>
        Report($"{snapshot.State} ({snapshot.ProviderState})", snapshot.Progress, elapsed);

    public void Report(string state, int? percent, TimeSpan elapsed)
    {
        if (_board.IsShared) return;
        _shown = true;
        _context.WriteProgress(new ProgressUpdate(_activityId, _activity, $"{state}{(percent is int p ? $", {p}%" : "")}, {elapsed.TotalSeconds:0} s elapsed")
        {
            PercentComplete = percent is int known ? Math.Max(0, Math.Min(100, known)) : -1,
            SecondsRemaining = (int)Math.Max(0, (_timeout - elapsed).TotalSeconds),
        });
    }

    public void Complete()
    {
        if (_shown) _context.WriteProgress(new ProgressUpdate(_activityId, _activity, "Done") { Completed = true });
        _board.Leave();
    }
}
