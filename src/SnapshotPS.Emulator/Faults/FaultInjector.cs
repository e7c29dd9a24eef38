using SnapshotPS.Emulator.Faults;

namespace SnapshotPS.Emulator;

/// <summary>
/// Armed fault rules. Each request goes to the rules in the order they were added; the first rule
/// that matches it and whose draw hits it decides its fate. Thread-safe.
/// </summary>
public sealed class FaultInjector(TimeProvider? time = null)
{
    private const int MaxRecordedHits = 10_000;

    private readonly object _gate = new();
    private readonly List<ArmedRule> _rules = [];
    private readonly List<FaultHit> _hits = [];
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private int _nextId;

    /// <summary>Arms a rule; the answer tells its number and the seed its draws use.</summary>
    public ArmedFault Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        lock (_gate)
        {
            var armed = new ArmedRule(++_nextId, rule, rule.Seed ?? Random.Shared.Next());
            _rules.Add(armed);
            return armed.Describe();
        }
    }

    /// <summary>Disarms every rule and forgets the hits.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _hits.Clear();
        }
    }

    /// <summary>The rules still armed, with the seed each uses and how often it matched and hit.</summary>
    public IReadOnlyList<ArmedFault> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.Select(armed => armed.Describe()).ToArray();
            }
        }
    }

    /// <summary>The requests hit since the last <see cref="Clear"/>, oldest first (the latest 10,000).</summary>
    public IReadOnlyList<FaultHit> Hits
    {
        get
        {
            lock (_gate)
            {
                return _hits.ToArray();
            }
        }
    }

    internal int ArmedCount
    {
        get
        {
            lock (_gate)
            {
                return _rules.Count;
            }
        }
    }

    /// <summary>Finds the rule that hits this request, if any, and spends one of its uses.</summary>
    internal FaultRule? Take(string provider, string method, string path, string query)
    {
        lock (_gate)
        {
            var requestKey = method.ToUpperInvariant() + " " + path + query;
            for (var index = 0; index < _rules.Count; index++)
            {
                var armed = _rules[index];
                if (!armed.Rule.Matches(provider, method, path) || !armed.Draw(requestKey))
                {
                    continue;
                }

                if (armed.Spend())
                {
                    _rules.RemoveAt(index);
                }

                if (_hits.Count == MaxRecordedHits)
                {
                    _hits.RemoveAt(0);
                }

                _hits.Add(new FaultHit(armed.Id, armed.Rule.Kind, provider, method, path + query, _time.GetUtcNow()));
                return armed.Rule;
            }

            return null;
        }
    }

    private sealed class ArmedRule(int id, FaultRule rule, int seed)
    {
        private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
        private long _matched;
        private int _hits;
        private int _remaining = rule.Times;

        public int Id { get; } = id;

        public FaultRule Rule { get; } = rule;

        /// <summary>Counts the match and draws whether it is hit.</summary>
        public bool Draw(string requestKey)
        {
            _matched++;
            if (Rule.Probability >= 1)
            {
                return true;
            }

            _seen.TryGetValue(requestKey, out var occurrence);
            _seen[requestKey] = occurrence + 1;
            return FaultDice.Roll(seed, requestKey, occurrence) < Rule.Probability;
        }

        /// <summary>Records a hit; true when the rule is now spent.</summary>
        public bool Spend()
        {
            _hits++;
            return Rule.Times != int.MaxValue && --_remaining == 0;
        }

        public ArmedFault Describe() => new(Id, Rule, seed, _matched, _hits, Rule.Times == int.MaxValue ? int.MaxValue : _remaining);
    }
}
