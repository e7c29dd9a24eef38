using SnapshotPS.Core.Model;

namespace SnapshotPS.Reliability;

/// <summary>
/// Creates with faults on a share of them, most after the server acted; then the truth, read without
/// faults, is held against what each call reported.
/// </summary>
public static class CreateMatrix
{
    public static async Task<Tally> RunAsync(MatrixTarget target, MatrixOptions options)
    {
        var tally = new Tally($"Creates on {target}: {options.Creates}, {options.ActedShare:P0} faulted (mostly after the server acted)");
        var volume = target.NewVolume();
        var outcomes = new Dictionary<string, CallResult<CloudSnapshot>>(StringComparer.Ordinal);
        using (var provider = target.Connect(options.Http()))
        {
            FaultSpec.Arm(target.Host.Faults, FaultSets.AfterTheServerActed, target.Creates, options.ActedShare, options.Seed + 1);
            try
            {
                var hangs = 0;
                for (var i = 0; i < options.Creates && hangs < options.MaxHangs; i++)
                {
                    var label = $"matrix-create-{i:D4}";
                    var result = await Watchdog.RunAsync(token => provider.CreateSnapshotAsync(target.CreateRequest(volume, label), token), options.CallLimit);
                    outcomes[label] = result;
                    hangs += result.Hung ? 1 : 0;
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
        }

        var existing = (await target.ListVolumeAsync(volume)).ToLookup(target.LabelOf, StringComparer.Ordinal);
        foreach (var (label, result) in outcomes)
        {
            Judge(tally, label, result, existing[label].ToList());
        }

        return tally;
    }

    private static void Judge(Tally tally, string label, CallResult<CloudSnapshot> result, List<CloudSnapshot> made)
    {
        tally.Add(Figures.Attempted);
        if (made.Count > 1)
        {
            tally.Add(Figures.Doubled, $"{label}: {made.Count} snapshots");
        }

        if (result.Hung)
        {
            tally.Add(Figures.Hung, label);
        }
        else if (result.IsRaw)
        {
            tally.Add(Figures.Raw, $"{label}: {result.Describe()}");
        }

        if (result.Succeeded)
        {
            if (made.All(snapshot => snapshot.Id != result.Value!.Id))
            {
                tally.Add(Figures.Phantom, $"{label}: answered {result.Value!.Id}, which does not exist");
            }
            else
            {
                tally.Add(Figures.Succeeded);
            }
        }
        else if (made.Count > 0)
        {
            tally.Add(result.MayHaveSucceeded ? Figures.Flagged : Figures.Unreported, $"{label} ({made[0].Id}): {result.Describe()}");
        }
        else if (!result.Hung && !result.IsRaw)
        {
            tally.Add(Figures.Failed, $"{label}: {result.Describe()}");
        }
    }
}
