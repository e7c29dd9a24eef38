using SnapshotPS.Reliability;
using Xunit.Abstractions;

namespace SnapshotPS.Tests.Reliability;

public sealed class MalformedInputsTests(EmulatorFixture emulator, ITestOutputHelper output) : ReliabilityTestBase(emulator, output)
{
    [Fact]
    public async Task Over_200_malformed_inputs_are_refused_before_any_request()
    {
        var scaleway = await MalformedInputMatrix.RunAsync(Target("scaleway"), Options);
        var outscale = await MalformedInputMatrix.RunAsync(Target("outscale"), Options);
        var tally = Tally.Merge("Malformed inputs, Scaleway and Outscale", scaleway, outscale);

        AssertNone(tally, Figures.RequestsSent, Figures.Accepted, Figures.UnclearError, Figures.Hung);
        Assert.True(tally[Figures.Attempted] >= 200, $"only {tally[Figures.Attempted]} malformed inputs were tried");
    }
}
