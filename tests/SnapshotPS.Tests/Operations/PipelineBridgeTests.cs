using SnapshotPS.Pipeline;

namespace SnapshotPS.Tests.Operations;

public class PipelineBridgeTests
{
    [Fact]
    public void EveryContinuationRunsBackOnThePipelineThread()
    {
        var pipelineThread = Environment.CurrentManagedThreadId;
        var seen = new List<int>();

        PipelineBridge.Run(async _ =>
        {
            for (var i = 0; i < 5; i++)
            {
                await Task.Delay(5);
                await Task.Run(() => Thread.Sleep(1));
                seen.Add(Environment.CurrentManagedThreadId);
            }
        });

        Assert.Equal(Enumerable.Repeat(pipelineThread, 5), seen);
    }

    [Fact]
    public void WorkPostedFromAnotherThreadIsDeliveredOnThePipelineThread()
    {
        var pipelineThread = Environment.CurrentManagedThreadId;
        var deliveredOn = 0;

        PipelineBridge.Run(async bridge =>
        {
            await Task.Run(() => bridge.Send(_ => deliveredOn = Environment.CurrentManagedThreadId, null));
        });

        Assert.Equal(pipelineThread, deliveredOn);
    }

    [Fact]
    public void AFailureInTheWorkIsRethrownAsItself()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => PipelineBridge.Run(async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("boom", failure.Message);
    }

    [Fact]
    public void CancellationSurfacesAsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource(50);
        Assert.ThrowsAny<OperationCanceledException>(() => PipelineBridge.Run(_ => Task.Delay(Timeout.Infinite, cancel.Token)));
    }

    [Fact]
    public void TheCallersSynchronizationContextIsRestored()
    {
        var before = SynchronizationContext.Current;
        PipelineBridge.Run(_ => Task.CompletedTask);
        Assert.Same(before, SynchronizationContext.Current);
    }
}
