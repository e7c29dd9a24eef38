using SnapshotPS.Reliability;
using Xunit.Abstractions;

namespace SnapshotPS.Tests.Reliability;

public sealed class DeletesUnderFaultsTests(EmulatorFixture emulator, ITestOutputHelper output) : ReliabilityTestBase(emulator, output)
{
    [Theory]
    [InlineData("scaleway")]
    [InlineData("outscale")]
    public async Task Deletes_under_faults_after_the_server_acted_lose_nothing_and_report_nothing_falsely(string provider)
    {
        var tally = await DeleteMatrix.RunOneByOneAsync(Target(provider), Options);

        AssertNone(tally, Figures.Lost, Figures.FalselyReported, Figures.Raw, Figures.Hung, Figures.StoppedEarly);
        Assert.Equal(Options.Deletes, tally[Figures.Attempted]);
    }

    [Theory]
    [InlineData("scaleway", 100)]
    [InlineData("scaleway", 33)]
    [InlineData("outscale", 100)]
    public async Task Deleting_1000_snapshots_as_the_listing_streams_them_under_30_percent_faults_deletes_every_one(string provider, int pageSize)
    {
        var tally = await DeleteMatrix.RunPipelineAsync(Target(provider), Options, pageSize);

        AssertNone(tally, Figures.Lost, Figures.Failed, Figures.Raw, Figures.Hung, Figures.Incomplete);
        Assert.Equal(Options.PipelineSnapshots, tally[Figures.Succeeded]);
    }
}
