using SnapshotPS.Core.Model;

namespace SnapshotPS.Reliability;

/// <summary>How one call ended: a value, a failure, or no end within the watchdog.</summary>
public readonly record struct CallResult<T>(T? Value, Exception? Failure, bool Hung)
{
    public bool Succeeded => !Hung && Failure is null;

    /// <summary>A failure that is not the typed API error or a cancellation.</summary>
    public bool IsRaw => !Hung && Failure is not null and not CloudApiException and not OperationCanceledException;

    public bool MayHaveSucceeded => Failure is CloudApiException { MayHaveSucceeded: true };

    public string Describe() => Hung ? "hung" : Failure is null ? "succeeded" : $"{Failure.GetType().Name}: {Failure.Message}";
}

public static class Watchdog
{
    /// <summary>Runs the call; past the limit it is cancelled and reported as hung.</summary>
    public static async Task<CallResult<T>> RunAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource();
        Task<T> task;
        try
        {
            task = call(cancel.Token);
        }
        catch (Exception thrown)
        {
            return new CallResult<T>(default, thrown, false);
        }

        if (await Task.WhenAny(task, Task.Delay(limit)) != task)
        {
            await cancel.CancelAsync();
            try
            {
                await task.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception)
            {
                // what a hung call does once cancelled does not change the verdict
            }

            return new CallResult<T>(default, null, true);
        }

        try
        {
            return new CallResult<T>(await task, null, false);
        }
        catch (Exception failure)
        {
            return new CallResult<T>(default, failure, false);
        }
    }

    public static Task<CallResult<bool>> RunAsync(Func<CancellationToken, Task> call, TimeSpan limit) =>
        RunAsync(async token =>
        {
            await call(token);
            return true;
        }, limit);
}
