using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SnapshotPS.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/SnapshotPS.Benchmarks -- --soak [--seed N] [--scale N]
if (args.Contains("--soak"))
{
    return await SnapshotPS.Benchmarks.FaultSoak.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(SnapshotPS.Benchmarks.ListingBenchmarks).Assembly).Run(args);
return 0;
