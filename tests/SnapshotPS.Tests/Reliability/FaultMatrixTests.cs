using SnapshotPS.Reliability;
using Xunit.Abstractions;

namespace SnapshotPS.Tests.Reliability;

/// <summary>
/// The fault matrix of issue 7 for one more provider's fake: reads, creates and deletes under
/// faults, and a delete pipeline streaming 1,000 snapshots. A provider's class adds what is its own
/// (malformed answers and inputs with its allowances).
/// </summary>
public abstract class FaultMatrixTests(EmulatorFixture emulator, ITestOutputHelper output) : ReliabilityTestBase(emulator, output)
{
    protected abstract MatrixTarget Provider { get; }

    [Fact]
    public async Task Reads_of_1000_snapshots_with_30_percent_transient_faults_all_succeed_within_the_retry_budget()
    {
        var tally = await ReadMatrix.RunAsync(Provider, Options);

        AssertNone(tally, Figures.Failed, Figures.Raw, Figures.Hung, Figures.Incomplete, Figures.StoppedEarly);
        Assert.Equal(Options.Listings + Options.Gets, tally[Figures.Succeeded]);
    }

    [Fact]
    public async Task Creates_under_faults_after_the_server_acted_are_never_doubled_and_never_unreported()
    {
        var tally = await CreateMatrix.RunAsync(Provider, Options);

        AssertNone(tally, Figures.Doubled, Figures.Unreported, Figures.Phantom, Figures.Raw, Figures.Hung, Figures.StoppedEarly);
        Assert.Equal(Options.Creates, tally[Figures.Attempted]);
    }

    [Fact]
    public async Task Deletes_under_faults_after_the_server_acted_lose_nothing_and_report_nothing_falsely()
    {
        var tally = await DeleteMatrix.RunOneByOneAsync(Provider, Options);

        AssertNone(tally, Figures.Lost, Figures.FalselyReported, Figures.Raw, Figures.Hung, Figures.StoppedEarly);
        Assert.Equal(Options.Deletes, tally[Figures.Attempted]);
    }

    [Fact]
    public async Task Deleting_1000_snapshots_as_the_listing_streams_them_under_30_percent_faults_deletes_every_one()
    {
        var tally = await DeleteMatrix.RunPipelineAsync(Provider, Options, 100);

        AssertNone(tally, Figures.Lost, Figures.Failed, Figures.Raw, Figures.Hung, Figures.Incomplete);
        Assert.Equal(Options.PipelineSnapshots, tally[Figures.Succeeded]);
    }
}
