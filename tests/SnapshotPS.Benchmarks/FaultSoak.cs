using System.Globalization;
using SnapshotPS.Emulator;
using SnapshotPS.Reliability;

namespace SnapshotPS.Benchmarks;

/// <summary>
/// The fault matrix of the test suite at soak size, run by hand and printing its figures:
/// dotnet run -c Release --project tests/SnapshotPS.Benchmarks -- --soak [--seed N] [--scale N]
/// Exit code 0 when every target figure holds, 1 otherwise.
/// </summary>
public static class FaultSoak
{
    private static readonly (string Figure, string Target)[] Targets =
    [
        (Figures.Raw, "0 raw exceptions"),
        (Figures.Hung, "0 hangs"),
        (Figures.Incomplete, "reads complete"),
        (Figures.Doubled, "0 doubled creates"),
        (Figures.Unreported, "0 unreported creates"),
        (Figures.Phantom, "0 phantom creates"),
        (Figures.Lost, "0 lost deletes"),
        (Figures.FalselyReported, "0 deletes reported falsely"),
        (Figures.AcceptedSilently, "0 malformed answers accepted"),
        (Figures.RequestsSent, "0 requests for malformed inputs"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var seed = Option(args, "--seed", 20261204);
        var scale = Option(args, "--scale", 10);
        var options = new MatrixOptions
        {
            Seed = seed,
            Listings = 2 * scale,
            Gets = 50 * scale,
            Creates = 50 * scale,
            Deletes = 50 * scale,
            PipelineSnapshots = 1000 * Math.Max(1, scale / 5),
            MaxHangs = int.MaxValue,
        };
        Console.WriteLine($"Fault soak: seed {seed}, scale {scale}");
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            ScalewayTimings = new ScalewayTimings { SnapshotDelay = TimeSpan.Zero, ImportDelay = TimeSpan.Zero, ExportDelay = TimeSpan.Zero, BlockCreateDelay = TimeSpan.Zero },
            OutscaleTimings = new OutscaleTimings { SnapshotDelay = TimeSpan.Zero, ImportDelay = TimeSpan.Zero, ExportDelay = TimeSpan.Zero },
        });

        var tallies = new List<Tally>();
        foreach (var target in new MatrixTarget[] { new ScalewayMatrixTarget(host, "fr-par-2"), new OutscaleMatrixTarget(host) })
        {
            tallies.Add(await Timed(() => ReadMatrix.RunAsync(target, options)));
            tallies.Add(await Timed(() => CreateMatrix.RunAsync(target, options)));
            tallies.Add(await Timed(() => DeleteMatrix.RunOneByOneAsync(target, options)));
            foreach (var pageSize in new[] { 100, 33, 7 })
            {
                tallies.Add(await Timed(() => DeleteMatrix.RunPipelineAsync(target, options, pageSize)));
            }

            tallies.Add(await Timed(() => MalformedResponseMatrix.RunAsync(target, options with { RetryBudget = 2, MaxHangs = int.MaxValue }, rounds: scale)));
            tallies.Add(await Timed(() => MalformedInputMatrix.RunAsync(target, options)));
        }

        var all = Tally.Merge("All runs", [.. tallies]);
        var broken = Targets.Where(target => all[target.Figure] > 0).ToArray();
        Console.WriteLine("Targets (issue 7):");
        foreach (var (figure, target) in Targets)
        {
            Console.WriteLine($"  {(all[figure] == 0 ? "met   " : "MISSED")} {target} ({all[figure]})");
        }

        return broken.Length == 0 ? 0 : 1;
    }

    private static async Task<Tally> Timed(Func<Task<Tally>> run)
    {
        var started = DateTime.UtcNow;
        var tally = await run();
        Console.WriteLine(tally);
        Console.WriteLine($"  ({(DateTime.UtcNow - started).TotalSeconds:0.0} s)");
        Console.WriteLine();
        return tally;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
