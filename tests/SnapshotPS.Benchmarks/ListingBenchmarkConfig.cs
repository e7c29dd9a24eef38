using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;

namespace SnapshotPS.Benchmarks;

/// <summary>What the listings are measured against: 20 ms a request, 16 pages in flight where paging allows.</summary>
public static class ListingBounds
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);
    public const int PagesInFlight = 16;

    /// <summary>Pages addressed by number: N / page size / 16 x latency.</summary>
    public static double ScalewayMs(int snapshots) =>
        (double)snapshots / ScalewayProvider.MaxPerPage / PagesInFlight * Latency.TotalMilliseconds;

    /// <summary>Pages that each name the next: N / page size x latency.</summary>
    public static double OutscaleMs(int snapshots) =>
        Math.Ceiling((double)snapshots / OutscaleProvider.DefaultResultsPerPage) * Latency.TotalMilliseconds;
}

/// <summary>A short job (whole listings are long and the machine is shared) with the bound beside each result.</summary>
public sealed class ListingBenchmarkConfig : ManualConfig
{
    public ListingBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
        AddColumn(new BoundColumn());
    }

    private sealed class BoundColumn : IColumn
    {
        public string Id => nameof(BoundColumn);
        public string ColumnName => "Bound (ms)";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "The listing's bound at 20 ms a request: N / page size / 16 (Scaleway) or N / page size (Outscale), x 20 ms";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var snapshots = (int)benchmarkCase.Parameters["Snapshots"];
            var bound = benchmarkCase.Descriptor.Type == typeof(OutscaleListingBenchmarks) ? ListingBounds.OutscaleMs(snapshots) : ListingBounds.ScalewayMs(snapshots);
            return bound.ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
