using SnapshotPS.Reliability;
using Xunit.Abstractions;

namespace SnapshotPS.Tests.Reliability.CloudMC;

/// <summary>The fault matrix of issue 7 against the CloudMC fake: the shared matrix, and malformed answers and inputs with its own allowances.</summary>
public sealed class CloudMCReliabilityTests(EmulatorFixture emulator, ITestOutputHelper output) : FaultMatrixTests(emulator, output)
{
    protected override MatrixTarget Provider => new CloudMCMatrixTarget(Emulator.Host);

    [Fact]
    public async Task Malformed_answers_end_in_typed_errors_none_accepted_silently_no_raw_exception_and_no_hang()
    {
        var tally = await MalformedResponseMatrix.RunAsync(Provider, Options with
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
        var tally = await MalformedInputMatrix.RunAsync(Provider, Options);

        AssertNone(tally, Figures.UnclearError, Figures.Hung);
        // The matrix takes 101 a page as too many, Scaleway's limit; CloudMC is asked for up to 1,000, so that
        // listing is sound and sends its requests. Any other input accepted or sent is a defect.
        var pageOf101 = tally.ToString().Contains("list 101 a page", StringComparison.Ordinal);
        Assert.True(tally[Figures.Accepted] == 0 || (tally[Figures.Accepted] == 1 && pageOf101), tally.ToString());
        Assert.True(tally[Figures.RequestsSent] == 0 || (tally[Figures.RequestsSent] == 1 && pageOf101), tally.ToString());
        Assert.True(tally[Figures.Attempted] >= 80, $"only {tally[Figures.Attempted]} malformed inputs were tried");
    }
}
