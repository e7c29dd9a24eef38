using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace SnapshotPS.Core.Engine.Listing;

/// <summary>
/// Items read ahead of the consumer: the reader adds, the consumer takes, and the reader pauses
/// only when the buffer is full. Completing it with a failure hands the failure to the consumer
/// after the items before it.
/// </summary>
internal sealed class ListingBuffer<T>
{
    private readonly object _gate = new();
    private readonly Queue<T> _items = new();
    private readonly int _capacity;
    private TaskCompletionSource<bool> _changed = NewSignal();
    private bool _completed;
    private bool _consumerWaiting;
    private bool _anyoneWaiting; // a signal is only worth a new TaskCompletionSource when someone waits for it
    private Exception? _failure;

    public ListingBuffer(int capacity) => _capacity = Math.Max(1, capacity);

    public async Task AddAsync(T item, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_items.Count < _capacity)
                {
                    _items.Enqueue(item);
                    SignalLocked();
                    return;
                }
                changed = WaitLocked();
            }
            await WhenChangedAsync(changed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Adds the items in order with one wake-up of the consumer per batch rather than per item (a
    /// consumer that keeps up would otherwise be woken, on another thread, for every item).
    /// </summary>
    public async Task AddRangeAsync(IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        var next = 0;
        while (next < items.Count)
        {
            Task changed;
            lock (_gate)
            {
                var added = false;
                while (next < items.Count && _items.Count < _capacity)
                {
                    _items.Enqueue(items[next++]);
                    added = true;
                }
                if (added) SignalLocked();
                if (next == items.Count) return;
                changed = WaitLocked();
            }
            await WhenChangedAsync(changed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Completes once the consumer has taken every item and waits for the next.</summary>
    public async Task WhenConsumerWaitsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_consumerWaiting && _items.Count == 0) return;
                changed = WaitLocked();
            }
            await WhenChangedAsync(changed, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Complete(Exception? failure = null)
    {
        lock (_gate)
        {
            _completed = true;
            _failure = failure;
            SignalLocked();
        }
    }

    /// <summary>The next item; false once the buffer is complete and empty. Throws the reader's failure after the items before it.</summary>
    public async Task<(bool Found, T Item)> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_items.Count > 0)
                {
                    _consumerWaiting = false;
                    var item = _items.Dequeue();
                    SignalLocked();
                    return (true, item);
                }
                if (_completed)
                {
                    if (_failure is not null) ExceptionDispatchInfo.Capture(_failure).Throw();
                    return (false, default!);
                }
                if (!_consumerWaiting)
                {
                    _consumerWaiting = true;
                    SignalLocked();
                }
                changed = WaitLocked();
            }
            await WhenChangedAsync(changed, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task WaitLocked()
    {
        _anyoneWaiting = true;
        return _changed.Task;
    }

    private void SignalLocked()
    {
        if (!_anyoneWaiting) return;
        _anyoneWaiting = false;
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult(true);
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task WhenChangedAsync(Task changed, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            await changed.ConfigureAwait(false);
            return;
        }
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
        {
            await (await Task.WhenAny(changed, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }
}
