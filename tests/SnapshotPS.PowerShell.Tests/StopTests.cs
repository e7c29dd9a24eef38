using System.Collections;
using System.Diagnostics;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// PowerShell.Stop() (what Ctrl+C does) during a wait or a long listing returns within a second,
/// even with a slow request in flight, and no request is sent after it.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class StopTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>, IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1);

    public void Dispose()
    {
        fixture.Emulator.Faults.Clear();
        fixture.Scaleway.Timings.SnapshotDelay = TimeSpan.Zero;
    }

    [Fact]
    public void Stop_during_a_wait_returns_promptly_and_sends_no_more_polls()
    {
        fixture.Scaleway.Timings.SnapshotDelay = TimeSpan.FromMinutes(10);
        var volume = fixture.Scaleway.AddInstanceVolume("fr-par-2", "stop-volume", 10_000_000_000);
        using var session = fixture.ConnectedSession();
        var id = (string)session.Run("(New-CloudSnapshot -VolumeId $volume -Name stop-wait -Location fr-par-2).Id", new Hashtable { ["volume"] = volume })
            .AssertSucceeded().Output.Single().BaseObject;
        fixture.Requests.Clear();
        fixture.Emulator.Faults.Add(new FaultRule
        {
            Provider = "scaleway", Method = "GET", PathContains = id, Kind = FaultKind.Latency, Latency = TimeSpan.FromSeconds(5), Times = int.MaxValue,
        });

        using var shell = session.Create("Wait-CloudSnapshot -Id $id -Location fr-par-2 -PollInterval 1", new Hashtable { ["id"] = id });
        var running = shell.BeginInvoke();
        RequestLogWatch.WaitUntil(() => fixture.Requests.Snapshot().Any(r => r.Path.Contains(id, StringComparison.Ordinal)), "the first poll is in flight");

        var clock = Stopwatch.StartNew();
        shell.Stop();
        clock.Stop();

        Assert.True(clock.Elapsed < Prompt, $"Stop() took {clock.Elapsed.TotalMilliseconds:0} ms with a 5 s poll in flight");
        Assert.True(running.IsCompleted);
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        fixture.Requests.AssertNoMoreRequests(TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public void Stop_during_a_long_listing_returns_promptly_and_fetches_no_more_pages()
    {
        const string listing = "/zones/nl-ams-1/snapshots";
        fixture.Scaleway.SeedInstanceSnapshots("nl-ams-1", 3000, namePrefix: "stop-list-");
        using var session = fixture.ConnectedSession();
        using var starts = new HttpRequestStarts();
        fixture.Emulator.Faults.Add(new FaultRule
        {
            Provider = "scaleway", Method = "GET", PathContains = listing, Kind = FaultKind.Latency,
            Latency = TimeSpan.FromMilliseconds(400), Times = int.MaxValue,
        });

        using var shell = session.Create("Get-CloudSnapshot -Location nl-ams-1 | ForEach-Object { $_.Id }");
        var output = new PSDataCollection<PSObject>();
        var running = shell.BeginInvoke<PSObject, PSObject>(null, output);
        RequestLogWatch.WaitUntil(() => starts.Count(listing) >= 3 && output.Count > 0, "the listing is under way");

        var clock = Stopwatch.StartNew();
        shell.Stop();
        clock.Stop();
        var stopped = Stopwatch.GetTimestamp();

        Assert.True(clock.Elapsed < Prompt, $"Stop() took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(running.IsCompleted);
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        var late = starts.StartedAfter(stopped, listing);
        Assert.True(late.Count == 0, $"{late.Count} page request(s) started after Stop() returned: {string.Join(", ", late)}");
        Assert.True(starts.Count(listing) < 30, "the listing was stopped before its 30 pages");
        Assert.True(output.Count < 3000);
    }
}
