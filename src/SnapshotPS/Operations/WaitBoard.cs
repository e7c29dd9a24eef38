using System.Runtime.CompilerServices;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>
/// The waits of one cmdlet run. Once it has more than one, they share one progress bar counting
/// all of them ("37 of 200 available") instead of one bar each; a lone wait keeps its own detailed bar.
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

    /// <summary>True once more than one wait has joined in this cmdlet run.</summary>
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

    /// <summary>Counts a finished wait; the shared bar closes whenever none is left running, and counts on if more join.</summary>
    public void Leave()
    {
        bool closeSharedBar;
        lock (_gate)
        {
            _finished++;
            closeSharedBar = _finished == _total && _total > 1;
        }
        Report();
        if (closeSharedBar) _context.WriteProgress(new ProgressUpdate(_activityId, "Waiting for snapshots", "Done") { Completed = true });
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
