using System;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Engine;

public enum PollVerdict
{
    KeepWaiting,
    Done,
    Failed,
}

/// <summary>Reads something until a verdict says it is done or failed, or the time runs out.</summary>
public sealed class Poller
{
    private readonly TimeProvider _time;

    public Poller(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>
    /// Returns the last reading once it is Done. Throws <paramref name="fail"/>'s exception when a
    /// reading is Failed, and <paramref name="timedOut"/>'s when the timeout passes.
    /// </summary>
    public async Task<T> PollAsync<T>(
        Func<CancellationToken, Task<T>> read,
        Func<T, PollVerdict> judge,
        TimeSpan timeout,
        TimeSpan interval,
        Action<T, TimeSpan>? onPoll,
        Func<T, Exception> fail,
        Func<T, Exception> timedOut,
        CancellationToken cancellationToken)
    {
        Model.InputValidation.RequirePositive(timeout, "Timeout");
        Model.InputValidation.RequirePositive(interval, "PollInterval");
        var started = _time.GetTimestamp();
        while (true)
        {
            var reading = await read(cancellationToken).ConfigureAwait(false);
            var elapsed = _time.GetElapsedTime(started);
            onPoll?.Invoke(reading, elapsed);
            switch (judge(reading))
            {
                case PollVerdict.Done:
                    return reading;
                case PollVerdict.Failed:
                    throw fail(reading);
            }
            if (elapsed >= timeout) throw timedOut(reading);
            var remaining = timeout - elapsed;
            await _time.Delay(remaining < interval ? remaining : interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
