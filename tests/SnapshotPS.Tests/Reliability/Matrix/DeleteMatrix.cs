using SnapshotPS.Core.Model;

namespace SnapshotPS.Reliability;

/// <summary>Deletes under faults, one by one and as a listing streams them (Get-CloudSnapshot | Remove-CloudSnapshot).</summary>
public static class DeleteMatrix
{
    /// <summary>Each delete's report held against what is left: nothing lost, nothing reported falsely.</summary>
    public static async Task<Tally> RunOneByOneAsync(MatrixTarget target, MatrixOptions options)
    {
        var tally = new Tally($"Deletes on {target}: {options.Deletes}, {options.ActedShare:P0} faulted (mostly after the server acted)");
        var volume = target.NewVolume();
        var ids = target.Seed(options.Deletes, volume, "delete-");
        var outcomes = new List<(string Id, CallResult<bool> Result)>();
        using (var provider = target.Connect(options.Http()))
        {
            FaultSpec.Arm(target.Host.Faults, FaultSets.AfterTheServerActed, target.Deletes, options.ActedShare, options.Seed + 2);
            try
            {
                var hangs = 0;
                foreach (var id in ids.TakeWhile(_ => hangs < options.MaxHangs))
                {
                    var result = await Watchdog.RunAsync(token => provider.DeleteSnapshotAsync(new SnapshotLocator(id, target.Location), token), options.CallLimit);
                    outcomes.Add((id, result));
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

        var left = (await target.ListVolumeAsync(volume)).Select(snapshot => snapshot.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, result) in outcomes)
        {
            tally.Add(Figures.Attempted);
            var gone = !left.Contains(id);
            if (result.Hung)
            {
                tally.Add(Figures.Hung, id);
            }
            else if (result.IsRaw)
            {
                tally.Add(Figures.Raw, $"{id}: {result.Describe()}");
            }

            if (result.Succeeded)
            {
                tally.Add(gone ? Figures.Succeeded : Figures.Lost, gone ? null : $"{id}: reported deleted, still there");
            }
            else if (gone)
            {
                tally.Add(Figures.FalselyReported, $"{id}: {result.Describe()}");
            }
            else if (!result.Hung && !result.IsRaw)
            {
                tally.Add(Figures.Failed, $"{id}: {result.Describe()}");
            }
        }

        return tally;
    }

    /// <summary>Deletes every snapshot as the listing streams it, with faults on both; every snapshot must be gone.</summary>
    public static async Task<Tally> RunPipelineAsync(MatrixTarget target, MatrixOptions options, int pageSize)
    {
        var tally = new Tally($"Listing | delete on {target}: {options.PipelineSnapshots} snapshots, {pageSize} a page, {options.TransientShare:P0} of requests faulted");
        var volume = target.NewVolume();
        target.Seed(options.PipelineSnapshots, volume, "pipeline-");
        using (var provider = target.Connect(options.Http()))
        {
            FaultSpec.Arm(target.Host.Faults, FaultSets.QuickTransient, target.Reads, options.TransientShare, options.Seed + 3);
            FaultSpec.Arm(target.Host.Faults, FaultSets.QuickTransient, target.Deletes, options.TransientShare, options.Seed + 4);
            try
            {
                var listing = await Watchdog.RunAsync(async token =>
                {
                    var query = new SnapshotQuery { Location = target.Location, VolumeId = volume, PageSize = pageSize };
                    await foreach (var snapshot in provider.ListSnapshotsAsync(query, token))
                    {
                        var deleted = await Watchdog.RunAsync(inner => provider.DeleteSnapshotAsync(SnapshotLocator.From(snapshot), inner), options.CallLimit);
                        ReadMatrix.Record(tally, deleted, $"delete of {snapshot.Id}", _ => null);
                    }
                }, options.CallLimit * 20 + TimeSpan.FromSeconds(options.PipelineSnapshots / 10.0));
                if (!listing.Succeeded)
                {
                    tally.Add(listing.Hung ? Figures.Hung : listing.IsRaw ? Figures.Raw : Figures.Failed, $"the listing: {listing.Describe()}");
                }
            }
            finally
            {
                target.Host.Faults.Clear();
            }
        }

        foreach (var snapshot in await target.ListVolumeAsync(volume))
        {
            tally.Add(Figures.Lost, snapshot.Id);
        }

        return tally;
    }
}
