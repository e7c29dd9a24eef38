namespace SnapshotPS.Emulator;

/// <summary>
/// One request as received: the full path (provider prefix included), the query without its '?',
/// and the body as text. Headers are never kept, so no credential can leak into the log.
/// </summary>
public sealed record RecordedRequest(string Provider, string Method, string Path, string Query, string? Body, DateTimeOffset ReceivedAt);
