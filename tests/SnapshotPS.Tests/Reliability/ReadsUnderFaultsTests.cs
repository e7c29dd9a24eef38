using SnapshotPS.Reliability;
using Xunit.Abstractions;

namespace SnapshotPS.Tests.Reliability;

public sealed class ReadsUnderFaultsTests(EmulatorFixture emulator, ITestOutputHelper output) : ReliabilityTestBase(emulator, output)
{
    [Theory]
    [InlineData("scaleway")]
    [InlineData("outscale")]
    public async Task Reads_of_1000_snapshots_with_30_percent_transient_faults_all_succeed_within_the_retry_budget(string provider)
    {
        var tally = await ReadMatrix.RunAsync(Target(provider), Options);

        AssertNone(tally, Figures.Failed, Figures.Raw, Figures.Hung, Figures.Incomplete, Figures.StoppedEarly);
        Assert.Equal(Options.Listings + Options.Gets, tally[Figures.Succeeded]);
    }
}
