namespace SnapshotPS.Emulator.Tests.Hosting;

/// <summary>Faults that hit a share of requests, reproducibly with a seed.</summary>
public sealed class FaultProbabilityTests : EmulatorTestBase
{
    private const int Requests = 120;

    private static FaultRule ThirtyPercent(int? seed) => new()
    {
        Provider = "scaleway", Kind = FaultKind.Status, StatusCode = 503, Probability = 0.3, Seed = seed, Times = int.MaxValue,
    };

    private async Task<int[]> StatusesAsync(string path, int count)
    {
        var statuses = new int[count];
        for (var i = 0; i < count; i++)
        {
            statuses[i] = (await CallAsync(HttpMethod.Get, path)).Status;
        }

        return statuses;
    }

    [Fact]
    public async Task The_same_seed_hits_the_same_requests_and_about_the_asked_share()
    {
        Host.Faults.Add(ThirtyPercent(seed: 42));
        var first = await StatusesAsync(InstanceSnapshots, Requests);
        Host.Faults.Clear();
        Host.Faults.Add(ThirtyPercent(seed: 42));
        var second = await StatusesAsync(InstanceSnapshots, Requests);

        Assert.Equal(first, second);
        Assert.All(first, status => Assert.Contains(status, new[] { 200, 503 }));
        Assert.InRange(first.Count(status => status == 503), Requests * 0.15, Requests * 0.45);
    }

    [Fact]
    public async Task Another_seed_hits_other_requests()
    {
        Host.Faults.Add(ThirtyPercent(seed: 1));
        var first = await StatusesAsync(InstanceSnapshots, Requests);
        Host.Faults.Clear();
        Host.Faults.Add(ThirtyPercent(seed: 2));
        var second = await StatusesAsync(InstanceSnapshots, Requests);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_requests_fate_does_not_depend_on_other_requests_sent_in_between()
    {
        Host.Faults.Add(ThirtyPercent(seed: 7));
        var alone = await StatusesAsync(InstanceSnapshots, 40);
        Host.Faults.Clear();
        Host.Faults.Add(ThirtyPercent(seed: 7));
        var interleaved = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            await CallAsync(HttpMethod.Get, BlockSnapshots);
            interleaved.Add((await CallAsync(HttpMethod.Get, InstanceSnapshots)).Status);
        }

        Assert.Equal(alone, interleaved);
    }

    [Fact]
    public async Task Times_counts_hits_not_matches_and_the_rule_tells_both()
    {
        var armed = Host.Faults.Add(new FaultRule { Kind = FaultKind.Status, StatusCode = 502, Probability = 0.5, Seed = 3, Times = 4 });

        var statuses = await StatusesAsync(BlockSnapshots, 60);
        var stillArmed = Host.Faults.Rules;

        Assert.Equal(3, armed.Seed);
        Assert.Equal(4, statuses.Count(status => status == 502));
        Assert.Empty(stillArmed);
        Assert.Equal(4, Host.Faults.Hits.Count(hit => hit.RuleId == armed.Id && hit.Kind == FaultKind.Status));
    }

    [Fact]
    public async Task A_rule_without_a_seed_reports_the_seed_it_drew_and_that_seed_replays_it()
    {
        var armed = Host.Faults.Add(ThirtyPercent(seed: null));
        var first = await StatusesAsync(InstanceSnapshots, 60);
        var seen = Assert.Single(Host.Faults.Rules);
        Host.Faults.Clear();
        Host.Faults.Add(ThirtyPercent(armed.Seed));
        var replay = await StatusesAsync(InstanceSnapshots, 60);

        Assert.Equal(armed.Seed, seen.Seed);
        Assert.Equal(60, seen.Matched);
        Assert.Equal(first.Count(status => status == 503), seen.Hits);
        Assert.Equal(first, replay);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_probability_outside_0_to_1_is_refused(double probability) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Host.Faults.Add(new FaultRule { Kind = FaultKind.Status, Probability = probability }));
}
