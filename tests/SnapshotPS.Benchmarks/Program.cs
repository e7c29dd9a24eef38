using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/SnapshotPS.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(SnapshotPS.Benchmarks.ListingBenchmarks).Assembly).Run(args);
