namespace SnapshotPS.Emulator;

/// <summary>Armed fault rules; the first armed rule matching a request hits it. Thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<ArmedRule> _rules = [];

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Times, 1, nameof(rule));
        ArgumentNullException.ThrowIfNull(rule.Provider, nameof(rule));
        if (rule.Kind == FaultKind.Status && rule.StatusCode is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule.StatusCode, "StatusCode must be an HTTP status (100-599).");
        }

        if (rule.Latency < TimeSpan.Zero || rule.RetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "Latency and RetryAfter cannot be negative.");
        }

        lock (_gate)
        {
            _rules.Add(new ArmedRule(rule));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
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

    /// <summary>Finds the rule that hits this request and spends one of its uses.</summary>
    internal FaultRule? Take(string provider, string method, string path)
    {
        lock (_gate)
        {
            var index = _rules.FindIndex(armed => armed.Rule.Matches(provider, method, path));
            if (index < 0)
            {
                return null;
            }

            var hit = _rules[index];
            if (hit.Rule.Times != int.MaxValue && --hit.Remaining == 0)
            {
                _rules.RemoveAt(index);
            }

            return hit.Rule;
        }
    }

    private sealed class ArmedRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;

        public int Remaining { get; set; } = rule.Times;
    }
}
