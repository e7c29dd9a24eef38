using System.Runtime.CompilerServices;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>
/// The waits one cmdlet runs at once. While several run together they share one progress bar
/// ("37 of 200 available") instead of one bar each; a lone wait keeps its own detailed bar.
/// </summary>
internal sealed class WaitBoard
{
    private static readonly ConditionalWeakTable<ICmdletContext, WaitBoard> Boards = new();
    private static int _nextActivityId = 1_000_000;

    private readonly object _gate = new();
    private readonly ICmdletContext _context;
    private readonly int _activityId = System.Threading.Interlocked.Increment(ref _nextActivityId);
    private int _total;
    private int _finished;
    private string _goal = "done";

    private WaitBoard(ICmdletContext context) => _context = context;

    public static WaitBoard For(ICmdletContext context) => Boards.GetValue(context, c => new WaitBoard(c));

    /// <summary>True once more than one wait has joined since the board was last empty.</summary>
    public bool IsShared
    {
        get { lock (_gate) return _total > 1; }
    }

    public void Join(string goal)
    {
        lock (_gate)
        {
            _total++;
            _goal = goal;
        }
        Report();
    }

    public void Leave()
    {
        bool allDone;
        lock (_gate)
        {
            _finished++;
            allDone = _finished == _total;
        }
        Report();
        if (!allDone) return;
        lock (_gate)
        {
            if (_finished != _total) return;
            var wasShared = _total > 1;
            _total = _finished = 0;
            if (!wasShared) return;
        }
        _context.WriteProgress(new ProgressUpdate(_activityId, "Waiting for snapshots", "Done") { Completed = true });
    }

    private void Report()
    {
        int total, finished;
        string goal;
        lock (_gate)
        {
            (total, finished, goal) = (_total, _finished, _goal);
        }
        if (total < 2) return;
        _context.WriteProgress(new ProgressUpdate(_activityId, "Waiting for snapshots", $"{finished} of {total} {goal}")
        {
            PercentComplete = finished * 100 / total,
        });
    }
}
