using SnapshotPS.Reliability;
using Xunit.Abstractions;

namespace SnapshotPS.Tests.Reliability;

public sealed class MalformedAnswersTests(EmulatorFixture emulator, ITestOutputHelper output) : ReliabilityTestBase(emulator, output)
{
    private static readonly object Gate = new();
    private static Task<Tally>? _answers;

    /// <summary>Every malformed answer is faulted on every attempt, so a short budget; no early stop, so every case is judged.</summary>
    private static readonly MatrixOptions ShortBudget = Options with
    {
        RetryBudget = 2,
        AttemptTimeout = TimeSpan.FromMilliseconds(500),
        TotalTimeout = TimeSpan.FromSeconds(2),
        Grace = TimeSpan.FromSeconds(2),
        MaxHangs = int.MaxValue,
    };

    /// <summary>One run serves both tests: the class's emulator is the same for each.</summary>
    private Task<Tally> RunBothAsync()
    {
        lock (Gate)
        {
            return _answers ??= RunAsync();
        }

        async Task<Tally> RunAsync()
        {
            var scaleway = await MalformedResponseMatrix.RunAsync(Target("scaleway"), ShortBudget);
            var outscale = await MalformedResponseMatrix.RunAsync(Target("outscale"), ShortBudget);
            return Tally.Merge("Malformed answers, Scaleway and Outscale", scaleway, outscale);
        }
    }

    [Fact]
    public async Task Over_100_malformed_answers_end_in_typed_errors_with_no_raw_exception_and_no_hang()
    {
        var tally = await RunBothAsync();

        AssertNone(tally, Figures.Raw, Figures.Hung, Figures.StoppedEarly);
        Assert.True(tally[Figures.Attempted] >= 100, $"only {tally[Figures.Attempted]} malformed answers were tried");
    }

    [Fact]
    public async Task No_malformed_answer_is_accepted_silently()
    {
        var tally = await RunBothAsync();

        AssertNone(tally, Figures.AcceptedSilently);
    }
}
