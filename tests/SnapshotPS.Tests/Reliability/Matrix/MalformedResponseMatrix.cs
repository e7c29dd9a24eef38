using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;

namespace SnapshotPS.Reliability;

/// <summary>Every malformed answer on every call that reads one: each must end in a typed error, promptly.</summary>
public static class MalformedResponseMatrix
{
    private sealed record Call(string Name, Func<MatrixTarget, RequestFilter> Filter, Func<ISnapshotProvider, CancellationToken, Task<object>> Run);

    public static async Task<Tally> RunAsync(MatrixTarget target, MatrixOptions options, int rounds = 1)
    {
        var tally = new Tally($"Malformed answers on {target}: {FaultSets.Malformed.Count} kinds x 3 calls x {rounds}, on every attempt");
        var volume = target.NewVolume();
        var existing = target.Seed(2, volume, "malformed-")[0];
        var calls = new Call[]
        {
            new("list", t => t.Reads, async (provider, token) =>
            {
                var listed = new List<CloudSnapshot>();
                await foreach (var snapshot in provider.ListSnapshotsAsync(new SnapshotQuery { Location = target.Location, VolumeId = volume }, token))
                {
                    listed.Add(snapshot);
                }

                return listed;
            }),
            new("get", t => t.Reads, async (provider, token) => await provider.GetSnapshotAsync(new SnapshotLocator(existing, target.Location), token)),
            new("create", t => t.Creates, async (provider, token) => await provider.CreateSnapshotAsync(target.CreateRequest(volume, "malformed-create"), token)),
        };

        using var provider = target.Connect(options.Http());
        var hangs = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var spec in FaultSets.Malformed)
            {
                foreach (var call in calls)
                {
                    if (hangs >= options.MaxHangs)
                    {
                        tally.Add(Figures.StoppedEarly);
                        return tally;
                    }

                    target.Host.Faults.Add(spec.ToRule(call.Filter(target), probability: 1, seed: options.Seed));
                    try
                    {
                        var result = await Watchdog.RunAsync(token => call.Run(provider, token), options.CallLimit);
                        if (call.Name == "create" && result.Succeeded && await ServerHoldsAsync(target, volume, result.Value))
                        {
                            tally.Add(Figures.Attempted);
                            tally.Add(Figures.Reconciled);
                            continue;
                        }

                        hangs += Judge(tally, result, $"{call.Name} answered with {spec.Label}");
                    }
                    finally
                    {
                        target.Host.Faults.Clear();
                    }
                }
            }
        }

        return tally;
    }

    /// <summary>
    /// A create whose own answer was malformed may still succeed honestly: the provider looks the snapshot up
    /// (by client token or marker) and returns what the server holds. Only a snapshot the server really has,
    /// on that volume, with the same size, counts as reconciled; anything else is a value read from a bad body.
    /// </summary>
    private static async Task<bool> ServerHoldsAsync(MatrixTarget target, string volume, object? value)
    {
        if (value is not CloudSnapshot returned || string.IsNullOrEmpty(returned.Id)) return false;
        var held = (await target.ListVolumeAsync(volume)).FirstOrDefault(snapshot => snapshot.Id == returned.Id);
        return held is not null && held.SizeBytes == returned.SizeBytes && held.VolumeId == returned.VolumeId;
    }

    private static int Judge(Tally tally, CallResult<object> result, string what)
    {
        tally.Add(Figures.Attempted);
        if (result.Hung)
        {
            tally.Add(Figures.Hung, what);
            return 1;
        }

        if (result.Succeeded)
        {
            tally.Add(Figures.AcceptedSilently, $"{what}: {Describe(result.Value)}");
        }
        else
        {
            tally.Add(result.IsRaw ? Figures.Raw : Figures.Failed, $"{what}: {result.Describe()}");
        }

        return 0;
    }

    private static string Describe(object? value) => value switch
    {
        CloudSnapshot snapshot => $"read as snapshot '{snapshot.Id}' of {snapshot.SizeBytes} bytes",
        IReadOnlyCollection<CloudSnapshot> listed => $"read as {listed.Count} snapshot(s): {string.Join(", ", listed.Select(snapshot => $"'{snapshot.Id}'"))}",
        _ => "accepted",
    };
}
