using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>
/// Every HTTP request this process starts, seen on the client side through the runtime's
/// System.Net.Http event source (RequestStart is written on the sending thread), with the moment it
/// started. Unlike the emulator's log, which notes a request when the server gets round to reading
/// it, this says whether a request was started after a point in time even on a loaded machine.
/// </summary>
public sealed class HttpRequestStarts : EventListener
{
    private readonly ConcurrentQueue<(long Timestamp, string PathAndQuery)> _starts = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "System.Net.Http") EnableEvents(eventSource, EventLevel.Informational);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName != "RequestStart" || eventData.PayloadNames is null) return;
        var index = eventData.PayloadNames.IndexOf("pathAndQuery");
        if (index >= 0 && eventData.Payload?[index] is string pathAndQuery) _starts.Enqueue((Stopwatch.GetTimestamp(), pathAndQuery));
    }

    /// <summary>Requests whose path contains the text, started after the timestamp.</summary>
    public IReadOnlyList<string> StartedAfter(long timestamp, string pathContains) =>
        _starts.Where(s => s.Timestamp > timestamp && s.PathAndQuery.Contains(pathContains, StringComparison.Ordinal))
            .Select(s => s.PathAndQuery).ToList();

    /// <summary>How many requests whose path contains the text have started.</summary>
    public int Count(string pathContains) => _starts.Count(s => s.PathAndQuery.Contains(pathContains, StringComparison.Ordinal));
}
