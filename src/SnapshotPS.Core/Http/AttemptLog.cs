using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;

namespace SnapshotPS.Core.Http;

/// <summary>
/// What the attempts of one engine call did, so that the call can tell a lost answer from a
/// refusal: a create whose answer was lost is looked for, a delete whose retry finds nothing is
/// done. A provider opens a log around a call; the connection's pipeline writes every attempt to it.
/// </summary>
public sealed class AttemptLog : IDisposable
{
    private static readonly AsyncLocal<AttemptLog?> CurrentLog = new();

    private readonly AttemptLog? _previous;
    private readonly object _gate = new();
    private readonly List<Entry> _entries = new();

    private AttemptLog(AttemptLog? previous) => _previous = previous;

    public static AttemptLog Begin()
    {
        var log = new AttemptLog(CurrentLog.Value);
        CurrentLog.Value = log;
        return log;
    }

    internal static AttemptLog? Current => CurrentLog.Value;

    /// <summary>True when some attempt reached the server and may have been carried out.</summary>
    public bool AnyMayHaveActed
    {
        get { lock (_gate) return _entries.Any(e => e.MayHaveActed); }
    }

    /// <summary>True when some request was sent again after an attempt of it that may have been carried out.</summary>
    public bool AnyRequestRepeatedAfterPossibleEffect
    {
        get
        {
            lock (_gate)
            {
                return _entries.GroupBy(e => e.Request).Any(attempts =>
                {
                    var all = attempts.ToList();
                    return all.Count > 1 && all.Take(all.Count - 1).Any(e => e.MayHaveActed);
                });
            }
        }
    }

    internal void Record(HttpRequestMessage request, bool mayHaveActed)
    {
        lock (_gate) _entries.Add(new Entry(request, mayHaveActed));
    }

    public void Dispose() => CurrentLog.Value = _previous;

    private sealed class Entry
    {
        public Entry(HttpRequestMessage request, bool mayHaveActed)
        {
            Request = request;
            MayHaveActed = mayHaveActed;
        }

        public HttpRequestMessage Request { get; }
        public bool MayHaveActed { get; }
    }
}
