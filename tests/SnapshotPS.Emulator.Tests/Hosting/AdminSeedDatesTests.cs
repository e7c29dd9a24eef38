using System.Text;

namespace SnapshotPS.Emulator.Tests.Hosting;

/// <summary>Seeding instance snapshots at chosen creation times, for retention tests and runbooks.</summary>
public sealed class AdminSeedDatesTests : EmulatorTestBase
{
    private HttpClient Admin => field ??= NewAdminClient();

    [Fact]
    public async Task Seed_with_createdAt_creates_one_snapshot_at_each_time_oldest_first_with_the_tags()
    {
        using var response = await Admin.PostAsync("_emulator/scaleway/seed", Json(
            """{"volumes":1,"namePrefix":"dated-","createdAt":["2026-11-30T23:00:00Z","2026-11-01T08:00:00+02:00"],"tags":["policy=nightly"]}"""));
        var (_, listed) = await CallAsync(HttpMethod.Get, InstanceSnapshots + "?name=dated-");

        Assert.Equal(200, (int)response.StatusCode);
        var snapshots = listed.GetProperty("snapshots").EnumerateArray().ToList();
        Assert.Equal(["dated-001", "dated-002"], snapshots.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([DateTimeOffset.Parse("2026-11-01T06:00:00Z"), DateTimeOffset.Parse("2026-11-30T23:00:00Z")],
            snapshots.Select(s => s.GetProperty("creation_date").GetDateTimeOffset()));
        Assert.All(snapshots, s => Assert.Equal("policy=nightly", s.GetProperty("tags")[0].GetString()));
    }

    [Fact]
    public void SeedInstanceSnapshotsAt_sets_the_times_given()
    {
        var times = new[] { DateTimeOffset.Parse("2025-04-25T23:00:00Z"), DateTimeOffset.Parse("2025-04-21T11:00:00Z") };

        var ids = Scaleway.SeedInstanceSnapshotsAt("fr-par-1", times, "at-");

        Assert.Equal(2, ids.Count);
        Assert.Equal(2, Scaleway.InstanceSnapshotCount("fr-par-1"));
    }

    [Theory]
    [InlineData("""{"snapshots":2,"createdAt":["2026-11-30T23:00:00Z"]}""", "either")]
    [InlineData("""{"createdAt":["yesterday"]}""", "yesterday")]
    [InlineData("""{"createdAt":"2026-11-30T23:00:00Z"}""", "list of strings")]
    public async Task Seed_with_bad_createdAt_is_400(string body, string message)
    {
        using var response = await Admin.PostAsync("_emulator/scaleway/seed", Json(body));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains(message, (await JsonAsync(response)).GetProperty("error").GetString());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private HttpClient NewAdminClient()
    {
        var client = NewClient(null);
        client.BaseAddress = Host.BaseAddress;
        return client;
    }
}
