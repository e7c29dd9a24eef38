using SnapshotPS.Reliability;
using Xunit.Abstractions;

namespace SnapshotPS.Tests.Reliability;

public sealed class CreatesUnderFaultsTests(EmulatorFixture emulator, ITestOutputHelper output) : ReliabilityTestBase(emulator, output)
{
    [Theory]
    [InlineData("scaleway")]
    [InlineData("outscale")]
    public async Task Creates_under_faults_after_the_server_acted_are_never_doubled_and_never_unreported(string provider)
    {
        var tally = await CreateMatrix.RunAsync(Target(provider), Options);

        AssertNone(tally, Figures.Doubled, Figures.Unreported, Figures.Phantom, Figures.Raw, Figures.Hung, Figures.StoppedEarly);
        Assert.Equal(Options.Creates, tally[Figures.Attempted]);
    }
}
