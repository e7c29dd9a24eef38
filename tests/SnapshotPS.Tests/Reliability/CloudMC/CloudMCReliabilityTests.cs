using SnapshotPS.Reliability;
using Xunit.Abstractions;

namespace SnapshotPS.Tests.Reliability.CloudMC;

/// <summary>The fault matrix of issue 7 against the CloudMC fake: reads, creates, deletes and malformed answers.</summary>
public sealed class CloudMCReliabilityTests(EmulatorFixture emulator, ITestOutputHelper output) : ReliabilityTestBase(emulator, output)
{
    private MatrixTarget CloudMC => new CloudMCMatrixTarget(Emulator.Host);

    [Fact]
    public async Task Reads_of_1000_snapshots_with_30_percent_transient_faults_all_succeed_within_the_retry_budget()
    {
        var tally = await ReadMatrix.RunAsync(CloudMC, Options);

        AssertNone(tally, Figures.Failed, Figures.Raw, Figures.Hung, Figures.Incomplete, Figures.StoppedEarly);
        Assert.Equal(Options.Listings + Options.Gets, tally[Figures.Succeeded]);
    }

    [Fact]
    public async Task Creates_under_faults_after_the_server_acted_are_never_doubled_and_never_unreported()
    {
        var tally = await CreateMatrix.RunAsync(CloudMC, Options);

        AssertNone(tally, Figures.Doubled, Figures.Unreported, Figures.Phantom, Figures.Raw, Figures.Hung, Figures.StoppedEarly);
        Assert.Equal(Options.Creates, tally[Figures.Attempted]);
    }

    [Fact]
    public async Task Deletes_under_faults_after_the_server_acted_lose_nothing_and_report_nothing_falsely()
    {
        var tally = await DeleteMatrix.RunOneByOneAsync(CloudMC, Options);

        AssertNone(tally, Figures.Lost, Figures.FalselyReported, Figures.Raw, Figures.Hung, Figures.StoppedEarly);
        Assert.Equal(Options.Deletes, tally[Figures.Attempted]);
    }

    [Fact]
    public async Task Deleting_1000_snapshots_as_the_listing_streams_them_under_30_percent_faults_deletes_every_one()
    {
        var tally = await DeleteMatrix.RunPipelineAsync(CloudMC, Options, 100);

        AssertNone(tally, Figures.Lost, Figures.Failed, Figures.Raw, Figures.Hung, Figures.Incomplete);
        Assert.Equal(Options.PipelineSnapshots, tally[Figures.Succeeded]);
    }

    [Fact]
    public async Task Malformed_answers_end_in_typed_errors_none_accepted_silently_no_raw_exception_and_no_hang()
    {
        var tally = await MalformedResponseMatrix.RunAsync(CloudMC, Options with
        {
            RetryBudget = 2,
            AttemptTimeout = TimeSpan.FromMilliseconds(500),
            TotalTimeout = TimeSpan.FromSeconds(2),
            Grace = TimeSpan.FromSeconds(2),
            MaxHangs = int.MaxValue,
        });

        AssertNone(tally, Figures.Raw, Figures.Hung, Figures.StoppedEarly);
        Assert.True(tally[Figures.Attempted] >= 30, $"only {tally[Figures.Attempted]} malformed answers were tried");
        // A CloudMC snapshot holds no number, so "numbers beyond 64 bits" leaves a get's answer as it was:
        // reading it is right. Any other answer read as if it were sound is a defect.
        Assert.True(tally[Figures.AcceptedSilently] == 0
            || (tally[Figures.AcceptedSilently] == 1 && tally.ToString().Contains("get answered with numbers beyond 64 bits", StringComparison.Ordinal)), tally.ToString());
    }

    [Fact]
    public async Task Malformed_inputs_are_refused_before_any_request_with_an_error_naming_the_parameter()
    {
        var tally = await MalformedInputMatrix.RunAsync(CloudMC, Options);

        AssertNone(tally, Figures.UnclearError, Figures.Hung);
        // The matrix takes 101 a page as too many, Scaleway's limit; CloudMC is asked for up to 1,000, so that
        // listing is sound and sends its requests. Any other input accepted or sent is a defect.
        var pageOf101 = tally.ToString().Contains("list 101 a page", StringComparison.Ordinal);
        Assert.True(tally[Figures.Accepted] == 0 || (tally[Figures.Accepted] == 1 && pageOf101), tally.ToString());
        Assert.True(tally[Figures.RequestsSent] == 0 || (tally[Figures.RequestsSent] == 1 && pageOf101), tally.ToString());
        Assert.True(tally[Figures.Attempted] >= 80, $"only {tally[Figures.Attempted]} malformed inputs were tried");
    }
}
