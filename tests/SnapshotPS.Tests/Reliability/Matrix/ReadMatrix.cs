using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;

namespace SnapshotPS.Reliability;

/// <summary>Listings of many snapshots and single reads, with transient faults on a share of the read requests.</summary>
public static class ReadMatrix
{
    public static async Task<Tally> RunAsync(MatrixTarget target, MatrixOptions options)
    {
        var tally = new Tally($"Reads on {target}: {options.Listings} listings of {options.SnapshotsListed} snapshots and {options.Gets} single reads, {options.TransientShare:P0} of requests faulted, retry budget {options.RetryBudget}");
        var volume = target.NewVolume();
        var seeded = target.Seed(options.SnapshotsListed, volume, "read-");
        using var provider = target.Connect(options.Http());
        FaultSpec.Arm(target.Host.Faults, FaultSets.Transient, target.Reads, options.TransientShare, options.Seed);
        try
        {
            var hangs = 0;
            for (var listing = 0; listing < options.Listings && hangs < options.MaxHangs; listing++)
            {
                var result = await Watchdog.RunAsync(token => ListAsync(provider, target, volume, token), options.CallLimit);
                hangs += Record(tally, result, $"listing {listing + 1}", listed => SameSet(listed, seeded));
            }

            for (var read = 0; read < options.Gets && hangs < options.MaxHangs; read++)
            {
                var id = seeded[read * seeded.Count / Math.Max(1, options.Gets)];
                var result = await Watchdog.RunAsync(token => provider.GetSnapshotAsync(new SnapshotLocator(id, target.Location), token), options.CallLimit);
                hangs += Record(tally, result, $"read of {id}", snapshot => snapshot.Id == id ? null : $"answered {snapshot.Id}");
            }

            if (hangs >= options.MaxHangs)
            {
                tally.Add(Figures.StoppedEarly);
            }
        }
        finally
        {
            target.Host.Faults.Clear();
        }

        return tally;
    }

    private static async Task<IReadOnlyList<CloudSnapshot>> ListAsync(ISnapshotProvider provider, MatrixTarget target, string volume, CancellationToken token)
    {
        var listed = new List<CloudSnapshot>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(new SnapshotQuery { Location = target.Location, VolumeId = volume, PageSize = 100 }, token))
        {
            listed.Add(snapshot);
        }

        return listed;
    }

    private static string? SameSet(IReadOnlyList<CloudSnapshot> listed, IReadOnlyList<string> seeded)
    {
        var ids = listed.Select(snapshot => snapshot.Id).ToList();
        var distinct = ids.Distinct(StringComparer.Ordinal).Count();
        return distinct == ids.Count && ids.ToHashSet(StringComparer.Ordinal).SetEquals(seeded)
            ? null
            : $"{ids.Count} listed, {distinct} distinct, {seeded.Count} exist";
    }

    /// <summary>Counts the outcome; returns 1 for a hang. check answers null when the value is right, else what is wrong.</summary>
    internal static int Record<T>(Tally tally, CallResult<T> result, string what, Func<T, string?> check)
    {
        tally.Add(Figures.Attempted);
        if (result.Hung)
        {
            tally.Add(Figures.Hung, what);
            return 1;
        }

        if (result.Failure is { } failure)
        {
            tally.Add(result.IsRaw ? Figures.Raw : Figures.Failed, $"{what}: {result.Describe()}");
            return 0;
        }

        if (check(result.Value!) is { } wrong)
        {
            tally.Add(Figures.Incomplete, $"{what}: {wrong}");
        }
        else
        {
            tally.Add(Figures.Succeeded);
        }

        return 0;
    }
}
