namespace SnapshotPS.Emulator;

/// <summary>Every request the emulator received, faulted ones included. Thread-safe.</summary>
public sealed class RequestLog
{
    /// <summary>Oldest entries are dropped past this, so a long-running console emulator stays small.</summary>
    internal const int Capacity = 10_000;

    private readonly object _gate = new();
    private readonly Queue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    /// <summary>How many requests match; every comparison ignores case.</summary>
    public int Count(string provider, string method, string pathContains)
    {
        lock (_gate)
        {
            return _requests.Count(request =>
                string.Equals(request.Provider, provider, StringComparison.OrdinalIgnoreCase) &&
                string.Equals(request.Method, method, StringComparison.OrdinalIgnoreCase) &&
                request.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    internal void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            if (_requests.Count == Capacity)
            {
                _requests.Dequeue();
            }

            _requests.Enqueue(request);
        }
    }
}
