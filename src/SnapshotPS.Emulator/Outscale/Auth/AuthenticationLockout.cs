namespace SnapshotPS.Emulator.Outscale.Auth;

/// <summary>
/// The brute-force lock (reference 2c): every 4 consecutive unknown access keys lock authentication, for
/// 1 minute the first time and 1 minute more each further time, up to 10 minutes. A success resets it.
/// The real lock is presumably per source; on loopback every caller is one source, so it is per emulator.
/// </summary>
internal sealed class AuthenticationLockout(TimeProvider time)
{
    private const int FailuresPerLock = 4;
    private const int MaxLockMinutes = 10;

    private readonly object _gate = new();
    private int _consecutiveFailures;
    private DateTimeOffset _lockedUntil = DateTimeOffset.MinValue;

    /// <summary>How long authentication stays locked; null when it is not.</summary>
    public TimeSpan? RemainingLock()
    {
        lock (_gate)
        {
            var remaining = _lockedUntil - time.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : null;
        }
    }

    public void RecordUnknownAccessKey()
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            if (_consecutiveFailures % FailuresPerLock == 0)
            {
                var minutes = Math.Min(_consecutiveFailures / FailuresPerLock, MaxLockMinutes);
                _lockedUntil = time.GetUtcNow() + TimeSpan.FromMinutes(minutes);
            }
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
        }
    }
}
