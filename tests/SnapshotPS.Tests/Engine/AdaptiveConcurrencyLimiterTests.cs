using SnapshotPS.Core.Engine;

namespace SnapshotPS.Tests.Engine;

public class AdaptiveConcurrencyLimiterTests
{
    [Fact]
    public async Task StartsAtItsMaximumAndMakesTheNextCallerWaitForAFreeSlot()
    {
        var limiter = new AdaptiveConcurrencyLimiter(maxLimit: 2);
        var first = await limiter.AcquireAsync(CancellationToken.None);
        using var second = await limiter.AcquireAsync(CancellationToken.None);

        var third = limiter.AcquireAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        first.Dispose();
        using var admitted = await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, limiter.InFlight);
    }

    [Fact]
    public async Task A429HalvesTheLimitOnceForRequestsSentUnderTheSameLimit()
    {
        var limiter = new AdaptiveConcurrencyLimiter(maxLimit: 16);
        var leases = new List<AdaptiveConcurrencyLimiter.Lease>();
        for (var i = 0; i < 8; i++) leases.Add(await limiter.AcquireAsync(CancellationToken.None));

        foreach (var lease in leases) lease.Throttled();

        Assert.Equal(8, limiter.Limit);
        Assert.Equal(1, limiter.Decreases);
        leases.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task RepeatedThrottlingAfterEachDecreaseGoesDownToOneAndNoFurther()
    {
        var limiter = new AdaptiveConcurrencyLimiter(maxLimit: 8);
        for (var i = 0; i < 6; i++)
        {
            using var lease = await limiter.AcquireAsync(CancellationToken.None);
            lease.Throttled();
        }

        Assert.Equal(1, limiter.Limit);
        Assert.Equal(3, limiter.Decreases);
    }

    [Fact]
    public async Task SuccessesRaiseTheLimitByOneEveryNUpToTheMaximum()
    {
        var limiter = new AdaptiveConcurrencyLimiter(maxLimit: 4, successesPerIncrease: 3);
        using (var throttled = await limiter.AcquireAsync(CancellationToken.None)) throttled.Throttled();
        Assert.Equal(2, limiter.Limit);

        for (var i = 0; i < 3; i++)
        {
            using var lease = await limiter.AcquireAsync(CancellationToken.None);
            lease.Succeeded();
        }
        Assert.Equal(3, limiter.Limit);

        for (var i = 0; i < 30; i++)
        {
            using var lease = await limiter.AcquireAsync(CancellationToken.None);
            lease.Succeeded();
        }
        Assert.Equal(4, limiter.Limit);
    }

    [Fact]
    public async Task ARaisedLimitAdmitsAWaitingCaller()
    {
        var limiter = new AdaptiveConcurrencyLimiter(maxLimit: 2, successesPerIncrease: 1);
        using (var throttled = await limiter.AcquireAsync(CancellationToken.None)) throttled.Throttled();
        using var holder = await limiter.AcquireAsync(CancellationToken.None);
        var waiting = limiter.AcquireAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        holder.Succeeded();

        using var admitted = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, limiter.InFlight);
    }

    [Fact]
    public async Task ACancelledWaiterLeavesTheQueueWithoutTakingASlot()
    {
        var limiter = new AdaptiveConcurrencyLimiter(maxLimit: 1);
        var holder = await limiter.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(cancel.Token);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        holder.Dispose();

        Assert.Equal(0, limiter.InFlight);
        using var next = await limiter.AcquireAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, limiter.InFlight);
    }
}
