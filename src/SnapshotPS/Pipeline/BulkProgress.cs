using System.Diagnostics;
using System.Threading;

namespace SnapshotPS.Pipeline;

/// <summary>
/// The progress bar of a bulk run (items piped to a -ThrottleLimit cmdlet): how many are done and in flight.
/// A pipeline does not say how many items will come, so there is no percentage. Shown from the second item
/// on, at most every quarter second, and closed when the run ends. Calls come on the pipeline thread.
/// </summary>
public sealed class BulkProgress
{
    private static readonly long MinimumInterval = Stopwatch.Frequency / 4;
    private static int _nextActivityId = 2_000_000;

    private readonly int _activityId = Interlocked.Increment(ref _nextActivityId);
    private readonly ICmdletContext _context;
    private readonly string _activity;
    private long _lastWritten;
    private int _started;
    private int _done;
    private bool _shown;

    public BulkProgress(ICmdletContext context, string activity)
    {
        _context = context;
        _activity = activity;
    }

    public void Started()
    {
        _started++;
        Show(force: _started == 2);
    }

    public void Finished()
    {
        _done++;
        Show(force: false);
    }

    /// <summary>Closes the bar, if one was shown.</summary>
    public void Complete()
    {
        if (!_shown) return;
        _context.WriteProgress(new ProgressUpdate(_activityId, _activity, $"{_done} done") { Completed = true });
        _shown = false;
    }

    private void Show(bool force)
    {
        if (_started < 2) return;
        var now = Stopwatch.GetTimestamp();
        if (!force && _shown && now - _lastWritten < MinimumInterval) return;
        _lastWritten = now;
        _shown = true;
        _context.WriteProgress(new ProgressUpdate(_activityId, _activity, $"{_done} done, {_started - _done} in flight"));
    }
}
