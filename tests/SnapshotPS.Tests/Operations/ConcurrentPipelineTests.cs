using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Tests.Operations;

/// <summary>Bulk cmdlets through the seam: items run ThrottleLimit at once, as the cmdlets run them.</summary>
public class ConcurrentPipelineTests(EmulatorFixture emulator) : EmulatorFaultTests(emulator)
{
    private const string Zone = "fr-par-1";
    private readonly RecordingContext _context = new();

    private void SlowScaleway(int milliseconds, string? method = null) => Emulator.Host.Faults.Add(new FaultRule
    {
        Provider = "scaleway", Method = method, Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(milliseconds), Times = int.MaxValue,
    });

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8] + "-";

    /// <summary>Feeds the items the way ProcessRecord does, then drains the way EndProcessing does.</summary>
    private static void RunPipeline<T>(IEnumerable<T> items, int throttleLimit, Func<T, CancellationToken, Task> process, CancellationToken stopping = default)
    {
        var pipeline = new ThrottledPipeline(throttleLimit, stopping);
        foreach (var item in items) pipeline.Add(ct => process(item, ct));
        pipeline.Complete();
    }

    private void Remove(ConnectionRegistry registry, IEnumerable<string> ids, int throttleLimit, bool force = true) =>
        RunPipeline(ids, throttleLimit, (id, ct) => new RemoveSnapshotOperation(registry, _context)
            .ProcessAsync(new RemoveSnapshotRequest { Target = new SnapshotTarget { Id = id }, Force = force }, ct));

    [Fact]
    public void ShouldProcessIsAskedOnThePipelineThreadInInputOrder()
    {
        var ids = Emulator.Scaleway.SeedInstanceSnapshots(Zone, 12, Unique("confirm"));
        SlowScaleway(30);
        var pipelineThread = Environment.CurrentManagedThreadId;

        Remove(Emulator.RegistryWithScaleway(), ids, throttleLimit: 4, force: false);

        Assert.Equal(ids, _context.ShouldProcessCalls.Select(call => call.Target.Split(' ')[0]));
        Assert.All(_context.ShouldProcessThreads, thread => Assert.Equal(pipelineThread, thread));
        Assert.All(ids, id => Assert.Equal(1, Emulator.ScalewayRequests("DELETE", id)));
    }

    [Fact]
    public void AnsweringNoSendsNothingForThatItemAndTheOthersGoOn()
    {
        var ids = Emulator.Scaleway.SeedInstanceSnapshots(Zone, 6, Unique("answer"));
        var context = new AnsweringContext(_context, target => !target.StartsWith(ids[2], StringComparison.Ordinal));
        var registry = Emulator.RegistryWithScaleway();

        RunPipeline(ids, 3, (id, ct) => new RemoveSnapshotOperation(registry, context)
            .ProcessAsync(new RemoveSnapshotRequest { Target = new SnapshotTarget { Id = id } }, ct));

        Assert.Equal(0, Emulator.ScalewayRequests("DELETE", ids[2]));
        Assert.All(ids.Where((_, i) => i != 2), id => Assert.Equal(1, Emulator.ScalewayRequests("DELETE", id)));
    }

    [Fact]
    public void NoMoreThanThrottleLimitItemsAreEverInFlight()
    {
        var inFlight = 0;
        var mostInFlight = 0;

        RunPipeline(Enumerable.Range(0, 40), 5, async (_, ct) =>
        {
            mostInFlight = Math.Max(mostInFlight, Interlocked.Increment(ref inFlight));
            await Task.Delay(20, ct);
            Interlocked.Decrement(ref inFlight);
        });

        Assert.Equal(5, mostInFlight);
        Assert.Equal(0, inFlight);
    }

    [Fact]
    public void OutputIsWrittenOnThePipelineThreadInCompletionOrder()
    {
        var pipelineThread = Environment.CurrentManagedThreadId;
        var gates = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var written = 0;
        var releaser = Task.Run(async () =>
        {
            foreach (var i in new[] { 1, 3, 2, 0 })
            {
                var before = Volatile.Read(ref written);
                gates[i].SetResult();
                while (Volatile.Read(ref written) == before) await Task.Delay(5);
            }
        });

        RunPipeline(Enumerable.Range(0, gates.Length), 4, async (i, ct) =>
        {
            await gates[i].Task.WaitAsync(ct);
            _context.WriteObject(i);
            Interlocked.Increment(ref written);
        });

        Assert.True(releaser.Wait(TimeSpan.FromSeconds(10)));
        Assert.Equal(new object[] { 1, 3, 2, 0 }, _context.Objects);
        Assert.All(_context.WriteThreads, thread => Assert.Equal(pipelineThread, thread));
    }

    [Fact]
    public void EveryItemEndsAsADeletionOrAnErrorOfItsOwn()
    {
        var existing = Emulator.Scaleway.SeedInstanceSnapshots(Zone, 30, Unique("mixed"));
        var missing = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToList();
        var input = existing.Take(10).Concat(missing).Concat(existing.Skip(10)).ToList();
        var before = Emulator.Scaleway.InstanceSnapshotCount(Zone);
        SlowScaleway(10);

        Remove(Emulator.RegistryWithScaleway(), input, throttleLimit: 8);

        Assert.Equal(before - existing.Count, Emulator.Scaleway.InstanceSnapshotCount(Zone));
        Assert.Equal(missing.Order(), _context.Errors.Select(e => (string)e.Target!).Order());
        Assert.All(_context.Errors, e => Assert.Equal(OperationErrorCategory.ObjectNotFound, e.Category));
    }

    [Fact]
    public void StoppingCancelsEverythingInFlightAndEndsPromptly()
    {
        using var stopping = new CancellationTokenSource();
        var started = 0;
        var cancelled = 0;
        var pipeline = new ThrottledPipeline(6, stopping.Token);
        for (var i = 0; i < 6; i++)
        {
            pipeline.Add(async ct =>
            {
                Interlocked.Increment(ref started);
                try { await Task.Delay(Timeout.Infinite, ct); }
                finally { Interlocked.Increment(ref cancelled); }
            });
        }

        stopping.CancelAfter(100);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(pipeline.Complete);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "Complete did not return after the stop.");
        Assert.Equal(6, started);
        Assert.Equal(6, cancelled);
    }

    [Fact]
    public void StoppingCancelsDeletionsInFlightAtTheCloud()
    {
        var ids = Emulator.Scaleway.SeedInstanceSnapshots(Zone, 20, Unique("stop"));
        SlowScaleway(30_000, "DELETE");
        using var stopping = new CancellationTokenSource(300);
        var registry = Emulator.RegistryWithScaleway();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => RunPipeline(ids, 4, (id, ct) => new RemoveSnapshotOperation(registry, _context)
            .ProcessAsync(new RemoveSnapshotRequest { Target = new SnapshotTarget { Id = id }, Force = true }, ct), stopping.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The stop did not cancel the requests in flight.");
        Assert.InRange(ids.Sum(id => Emulator.ScalewayRequests("DELETE", id)), 1, 4);
        Assert.Empty(_context.Errors);
    }

    [Fact]
    public void A429LowersTheConnectionsConcurrencyAndEveryDeletionStillHappens()
    {
        var ids = Emulator.Scaleway.SeedInstanceSnapshots(Zone, 40, Unique("throttled"));
        var before = Emulator.Scaleway.InstanceSnapshotCount(Zone);
        var settings = Emulator.ScalewaySettings(Zone);
        var limiter = settings.Http.Concurrency;
        var registry = new ConnectionRegistry();
        registry.Add(new SnapshotConnection("scaleway", settings, ProviderFactory.Create(settings, "scaleway"), DateTimeOffset.Now), makeDefault: false);
        Emulator.Host.Faults.Add(new FaultRule { Provider = "scaleway", Method = "DELETE", Kind = FaultKind.Status, StatusCode = 429, Times = 6 });
        SlowScaleway(20, "DELETE");

        Remove(registry, ids, throttleLimit: 16);

        Assert.Empty(_context.Errors);
        Assert.Equal(before - ids.Count, Emulator.Scaleway.InstanceSnapshotCount(Zone));
        Assert.True(limiter.Decreases >= 1, "No 429 lowered the limit.");
        Assert.True(limiter.Limit < limiter.MaxLimit, $"The limit is back at {limiter.Limit} already.");
    }

    [Fact]
    public void ManyWaitsShareOneProgressBarCountingTheReadyOnes()
    {
        var ids = Emulator.Scaleway.SeedInstanceSnapshots(Zone, 5, Unique("waits"));
        SlowScaleway(40, "GET");
        var registry = Emulator.RegistryWithScaleway();

        RunPipeline(ids, 8, (id, ct) => new WaitSnapshotOperation(registry, _context)
            .ProcessAsync(new WaitSnapshotRequest { Target = new SnapshotTarget { Id = id } }, ct));

        Assert.Equal(ids.Order(), _context.ObjectsOf<CloudSnapshot>().Select(s => s.Id).Order());
        var bars = _context.Progress.Select(p => p.ActivityId).Distinct().ToList();
        Assert.Single(bars);
        Assert.Contains(_context.Progress, p => p.Status == "5 of 5 available");
        Assert.True(_context.Progress.Last().Completed);
    }

    /// <summary>Answers ShouldProcess per target, as a user answering -Confirm prompts would.</summary>
    private sealed class AnsweringContext(RecordingContext inner, Func<string, bool> answer) : ICmdletContext
    {
        public bool IsWhatIf => false;
        public void WriteObject(object item) => inner.WriteObject(item);
        public void WriteError(OperationError error) => inner.WriteError(error);
        public void WriteWarning(string message) => inner.WriteWarning(message);
        public void WriteVerbose(string message) => inner.WriteVerbose(message);
        public void WriteProgress(ProgressUpdate progress) => inner.WriteProgress(progress);
        public bool ShouldProcess(string target, string action) => inner.ShouldProcess(target, action) && answer(target);
    }
}
