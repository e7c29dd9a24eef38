namespace SnapshotPS.Emulator;

/// <summary>One request a fault hit: which rule (its number in <see cref="FaultInjector.Rules"/>), what it did, and where.</summary>
public sealed record FaultHit(int RuleId, FaultKind Kind, string Provider, string Method, string Path, DateTimeOffset At);

/// <summary>An armed rule as the injector holds it: its number, the seed in use, what it has matched and hit.</summary>
public sealed record ArmedFault(int Id, FaultRule Rule, int Seed, long Matched, int Hits, int Remaining);
