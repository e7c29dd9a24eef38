using SnapshotPS.Reliability;
using Xunit.Abstractions;

namespace SnapshotPS.Tests.Reliability.Koyeb;

/// <summary>The fault matrix of issue 7 run against the Koyeb fake: the shared matrix, and malformed answers and inputs with its own allowances.</summary>
public sealed class KoyebUnderFaultsTests(EmulatorFixture emulator, ITestOutputHelper output) : FaultMatrixTests(emulator, output)
{
    protected override MatrixTarget Provider => new KoyebMatrixTarget(Emulator.Host, "sin");

    [Fact]
    public async Task Malformed_answers_end_in_typed_errors_and_none_is_accepted_silently()
    {
        var tally = await MalformedResponseMatrix.RunAsync(Provider, Options with
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
