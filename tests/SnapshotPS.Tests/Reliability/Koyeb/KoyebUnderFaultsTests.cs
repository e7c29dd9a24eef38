using SnapshotPS.Reliability;
using Xunit.Abstractions;

namespace SnapshotPS.Tests.Reliability.Koyeb;

/// <summary>The fault matrix of issue 7 run against the Koyeb fake: reads, creates, deletes and malformed answers.</summary>
public sealed class KoyebUnderFaultsTests(EmulatorFixture emulator, ITestOutputHelper output) : ReliabilityTestBase(emulator, output)
{
    private MatrixTarget Koyeb => new KoyebMatrixTarget(Emulator.Host, "sin");

    [Fact]
    public async Task Reads_of_1000_snapshots_with_30_percent_transient_faults_all_succeed_within_the_retry_budget()
    {
        var tally = await ReadMatrix.RunAsync(Koyeb, Options);

        AssertNone(tally, Figures.Failed, Figures.Raw, Figures.Hung, Figures.Incomplete, Figures.StoppedEarly);
        Assert.Equal(Options.Listings + Options.Gets, tally[Figures.Succeeded]);
    }

    [Fact]
    public async Task Creates_under_faults_after_the_server_acted_are_never_doubled_and_never_unreported()
    {
        var tally = await CreateMatrix.RunAsync(Koyeb, Options);

        AssertNone(tally, Figures.Doubled, Figures.Unreported, Figures.Phantom, Figures.Raw, Figures.Hung, Figures.StoppedEarly);
        Assert.Equal(Options.Creates, tally[Figures.Attempted]);
    }

    [Fact]
    public async Task Deletes_under_faults_after_the_server_acted_lose_nothing_and_report_nothing_falsely()
    {
        var tally = await DeleteMatrix.RunOneByOneAsync(Koyeb, Options);

        AssertNone(tally, Figures.Lost, Figures.FalselyReported, Figures.Raw, Figures.Hung, Figures.StoppedEarly);
        Assert.Equal(Options.Deletes, tally[Figures.Attempted]);
    }

    [Fact]
    public async Task Deleting_1000_snapshots_as_the_listing_streams_them_under_30_percent_faults_deletes_every_one()
    {
        var tally = await DeleteMatrix.RunPipelineAsync(Koyeb, Options, 100);

        AssertNone(tally, Figures.Lost, Figures.Failed, Figures.Raw, Figures.Hung, Figures.Incomplete);
        Assert.Equal(Options.PipelineSnapshots, tally[Figures.Succeeded]);
    }

    [Fact]
    public async Task Malformed_answers_end_in_typed_errors_and_none_is_accepted_silently()
    {
        var tally = await MalformedResponseMatrix.RunAsync(Koyeb, Options with
        {
            RetryBudget = 2,
            AttemptTimeout = TimeSpan.FromMilliseconds(500),
            TotalTimeout = TimeSpan.FromSeconds(2),
            Grace = TimeSpan.FromSeconds(2),
            MaxHangs = int.MaxValue,
        });

        AssertNone(tally, Figures.Raw, Figures.Hung, Figures.StoppedEarly, Figures.AcceptedSilently);
        Assert.True(tally[Figures.Attempted] >= 40, $"only {tally[Figures.Attempted]} malformed answers were tried");
    }
}
