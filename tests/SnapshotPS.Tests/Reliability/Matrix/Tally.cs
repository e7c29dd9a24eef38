using System.Collections.Concurrent;
using System.Text;

namespace SnapshotPS.Reliability;

/// <summary>The figures of one matrix run: named counts, with a few notes that say which cases made them.</summary>
public sealed class Tally(string title)
{
    private const int NotesPerFigure = 5;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _notes = new(StringComparer.Ordinal);

    public string Title { get; } = title;

    public int this[string figure] => _counts.TryGetValue(figure, out var count) ? count : 0;

    public void Add(string figure, string? note = null)
    {
        _counts.AddOrUpdate(figure, 1, (_, count) => count + 1);
        if (note is null)
        {
            return;
        }

        var notes = _notes.GetOrAdd(figure, _ => new ConcurrentQueue<string>());
        if (notes.Count < NotesPerFigure)
        {
            notes.Enqueue(note);
        }
    }

    /// <summary>One tally holding the counts and notes of several runs.</summary>
    public static Tally Merge(string title, params Tally[] parts)
    {
        var merged = new Tally(title);
        foreach (var part in parts)
        {
            merged.AddAll(part);
        }

        return merged;
    }

    /// <summary>Adds the counts and notes of another run, each note marked with that run's title.</summary>
    public void AddAll(Tally other)
    {
        foreach (var (figure, count) in other._counts)
        {
            _counts.AddOrUpdate(figure, count, (_, mine) => mine + count);
            foreach (var note in other._notes.TryGetValue(figure, out var notes) ? notes : [])
            {
                var mine = _notes.GetOrAdd(figure, _ => new ConcurrentQueue<string>());
                if (mine.Count < NotesPerFigure * 2)
                {
                    mine.Enqueue($"[{other.Title.Split(':')[0]}] {note}");
                }
            }
        }
    }

    /// <summary>Title, every figure, and the first notes of each; what a failed assertion or the soak prints.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Title).AppendLine();
        foreach (var (figure, count) in _counts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append("  ").Append(figure).Append(": ").Append(count).AppendLine();
            foreach (var note in _notes.TryGetValue(figure, out var notes) ? notes : [])
            {
                text.Append("      e.g. ").AppendLine(note);
            }
        }

        return text.ToString();
    }
}

/// <summary>The names of the figures the matrices count.</summary>
public static class Figures
{
    public const string Attempted = "attempted";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed with a typed error";
    public const string Raw = "raw exceptions (neither CloudApiException nor OperationCanceledException)";
    public const string Hung = "hangs (no answer within the watchdog)";
    public const string Incomplete = "listings incomplete or with duplicates";
    public const string Doubled = "doubled (one create, several snapshots)";
    public const string Unreported = "unreported (created, but reported as failed without a may-have-succeeded flag)";
    public const string Flagged = "created and reported with a may-have-succeeded flag";
    public const string Phantom = "phantom (reported created, but no such snapshot)";
    public const string Lost = "lost (left behind although reported deleted, or never reached)";
    public const string FalselyReported = "reported falsely (delete reported as failed, snapshot gone)";
    public const string AcceptedSilently = "malformed answers accepted silently";
    public const string Reconciled = "creates whose answer was unreadable, reconciled by finding the snapshot the server made";
    public const string RequestsSent = "malformed inputs that sent a request";
    public const string UnclearError = "malformed inputs refused with an error that is not an ArgumentException";
    public const string Accepted = "malformed inputs accepted";
    public const string StoppedEarly = "runs stopped early after repeated hangs";
}
