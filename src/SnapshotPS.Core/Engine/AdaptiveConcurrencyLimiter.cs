using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Engine;

/// <summary>
/// How many requests one connection may have in flight, adapted AIMD-style: a throttled answer
/// (HTTP 429) halves the limit, and every <see cref="SuccessesPerIncrease"/> successes in a row
/// raise it by one, up to <see cref="MaxLimit"/>. Only a request sent under the current limit can
/// lower it, so a burst of 429s from requests already in flight halves it once, not once each.
/// </summary>
public sealed class AdaptiveConcurrencyLimiter
{
    private readonly object _gate = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _waiting = new();
    private int _limit;
    private int _inFlight;
    private int _successes;
    private int _generation;

    public AdaptiveConcurrencyLimiter(int maxLimit = 64, int successesPerIncrease = 8)
    {
        if (maxLimit < 1) throw new ArgumentOutOfRangeException(nameof(maxLimit));
        if (successesPerIncrease < 1) throw new ArgumentOutOfRangeException(nameof(successesPerIncrease));
        MaxLimit = maxLimit;
        SuccessesPerIncrease = successesPerIncrease;
        _limit = maxLimit;
    }

    public int MaxLimit { get; }
    public int SuccessesPerIncrease { get; }

    public int Limit { get { lock (_gate) return _limit; } }
    public int InFlight { get { lock (_gate) return _inFlight; } }

    /// <summary>How many times a 429 has lowered the limit.</summary>
    public int Decreases { get; private set; }

    /// <summary>Waits for a free slot; dispose the lease (after reporting the outcome) to free it.</summary>
    public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<bool> ticket;
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (_gate)
        {
            if (_inFlight < _limit && _waiting.Count == 0)
            {
                _inFlight++;
                return new Lease(this, _generation);
            }
            ticket = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiting.AddLast(ticket);
        }

        using (cancellationToken.Register(() => Abandon(node)))
        {
            await ticket.Task.ConfigureAwait(false);
        }
        lock (_gate) return new Lease(this, _generation);
    }

    private void Abandon(LinkedListNode<TaskCompletionSource<bool>> node)
    {
        lock (_gate)
        {
            if (node.List is null) return;
            _waiting.Remove(node);
        }
        node.Value.TrySetCanceled();
    }

    private void Throttled(int generation)
    {
        lock (_gate)
        {
            _successes = 0;
            if (generation != _generation || _limit == 1) return;
            _generation++;
            _limit = Math.Max(1, _limit / 2);
            Decreases++;
        }
    }

    private void Succeeded()
    {
        lock (_gate)
        {
            if (_limit >= MaxLimit || ++_successes < SuccessesPerIncrease) return;
            _successes = 0;
            _limit++;
        }
        Admit();
    }

    private void Release()
    {
        lock (_gate) _inFlight--;
        Admit();
    }

    private void Admit()
    {
        while (true)
        {
            TaskCompletionSource<bool> next;
            lock (_gate)
            {
                if (_inFlight >= _limit || _waiting.First is not { } first) return;
                _waiting.RemoveFirst();
                _inFlight++;
                next = first.Value;
            }
            next.TrySetResult(true);
        }
    }

    /// <summary>One request's slot. Report Throttled or Succeeded before disposing it.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly AdaptiveConcurrencyLimiter _owner;
        private readonly int _generation;
        private int _released;

        internal Lease(AdaptiveConcurrencyLimiter owner, int generation)
        {
            _owner = owner;
            _generation = generation;
        }

        public void Throttled() => _owner.Throttled(_generation);

        public void Succeeded() => _owner.Succeeded();

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) _owner.Release();
        }
    }
}
