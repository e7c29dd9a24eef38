using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>-ThrottleLimit in the real PowerShell: bulk deletes, -WhatIf, -Confirm answers, -Wait and Ctrl+C.</summary>
public sealed class ConcurrentPipelineTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>, IDisposable
{
    private const string Zone = "fr-par-1";

    public void Dispose() => fixture.Emulator.Faults.Clear();

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8] + "-";

    private HashSet<string> DeletedIds() => fixture.Requests.Snapshot()
        .Where(r => r.Provider == "scaleway" && r.Method == "DELETE")
        .Select(r => r.Path[(r.Path.LastIndexOf('/') + 1)..])
        .ToHashSet();

    private void Latency(int milliseconds, string? method = null) => fixture.Emulator.Faults.Add(new FaultRule
    {
        Provider = "scaleway", Method = method, Kind = FaultKind.Latency, Latency = TimeSpan.FromMilliseconds(milliseconds), Times = int.MaxValue,
    });

    [Fact]
    public void A_thousand_piped_snapshots_are_all_deleted_with_ThrottleLimit_16()
    {
        var prefix = Unique("bulk-");
        var ids = fixture.Scaleway.SeedInstanceSnapshots(Zone, 1000, prefix);
        Latency(5, "DELETE");
        using var session = fixture.ConnectedSession();
        var variables = new Hashtable { ["prefix"] = prefix };

        var result = session.Run("$s = Get-CloudSnapshot -Name \"$prefix*\"\n$s | Remove-CloudSnapshot -Force -ThrottleLimit 16\n$s.Count", variables)
            .AssertSucceeded();

        Assert.Equal(1000, (int)result.Output.Single().BaseObject);
        Assert.Empty(result.Errors);
        var deleted = DeletedIds();
        Assert.All(ids, id => Assert.Contains(id, deleted));
        var left = session.Run("@(Get-CloudSnapshot -Name \"$prefix*\").Count", variables).AssertSucceeded();
        Assert.Equal(0, (int)left.Output.Single().BaseObject);
    }

    [Fact]
    public void WhatIf_sends_nothing_and_says_what_if_for_every_snapshot_in_input_order()
    {
        var prefix = Unique("whatif-");
        var ids = fixture.Scaleway.SeedInstanceSnapshots(Zone, 40, prefix);
        var host = new ScriptedHost();
        using var session = fixture.ConnectedSession(host);
        fixture.Requests.Clear();

        session.Run("Get-CloudSnapshot -Name \"$prefix*\" | Remove-CloudSnapshot -WhatIf -ThrottleLimit 16", new Hashtable { ["prefix"] = prefix })
            .AssertSucceeded();

        Assert.Equal(0, fixture.RequestCount("scaleway", "DELETE"));
        var whatIf = host.Lines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
        Assert.Equal(ids.Count, whatIf.Count);
        Assert.All(ids.Zip(whatIf), pair => Assert.Contains(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public void Confirm_answers_apply_to_each_snapshot_in_input_order()
    {
        var prefix = Unique("confirm-");
        var ids = fixture.Scaleway.SeedInstanceSnapshots(Zone, 7, prefix);
        var host = new ScriptedHost("Y", "N", "Y", "N", "A");
        using var session = fixture.ConnectedSession(host);

        session.Run("Get-CloudSnapshot -Name \"$prefix*\" | Remove-CloudSnapshot -Confirm -ThrottleLimit 4", new Hashtable { ["prefix"] = prefix })
            .AssertSucceeded();

        Assert.Equal(5, host.Prompts.Count);
        Assert.All(ids.Take(5).Zip(host.Prompts), pair => Assert.Contains(pair.First, pair.Second, StringComparison.Ordinal));
        var deleted = DeletedIds();
        Assert.Equal(new[] { true, false, true, false, true, true, true }, ids.Select(deleted.Contains));
    }

    [Fact]
    public void Waiting_for_many_snapshots_shows_one_progress_bar_and_writes_each()
    {
        var prefix = Unique("wait-");
        var ids = fixture.Scaleway.SeedInstanceSnapshots(Zone, 12, prefix);
        Latency(40, "GET");
        using var session = fixture.ConnectedSession();

        var result = session.Run("$s = Get-CloudSnapshot -Name \"$prefix*\"\n$s | Wait-CloudSnapshot -ThrottleLimit 8", new Hashtable { ["prefix"] = prefix })
            .AssertSucceeded();

        Assert.Equal(ids.Order(), result.Output.Select(o => (string)o.Properties["Id"].Value).Order());
        var progress = result.Streams.Progress.ToList();
        Assert.Single(progress.Select(p => p.ActivityId).Distinct());
        Assert.True(progress.Any(p => p.StatusDescription == "12 of 12 available"), string.Join(" | ", progress.Select(p => p.StatusDescription)));
    }

    [Fact]
    public void Select_Object_First_downstream_takes_its_objects_and_ends_the_rest_cleanly()
    {
        var prefix = Unique("first-");
        fixture.Scaleway.SeedInstanceSnapshots(Zone, 30, prefix);
        Latency(20, "GET");
        using var session = fixture.ConnectedSession();

        var result = session.Run("$s = Get-CloudSnapshot -Name \"$prefix*\"\n$s | Wait-CloudSnapshot -ThrottleLimit 8 | Select-Object -First 3", new Hashtable { ["prefix"] = prefix })
            .AssertSucceeded();

        Assert.Equal(3, result.Output.Count);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Stop_cancels_every_deletion_in_flight_and_starts_no_more()
    {
        var prefix = Unique("stop-");
        fixture.Scaleway.SeedInstanceSnapshots(Zone, 50, prefix);
        using var session = fixture.ConnectedSession();
        session.Run("$global:s = Get-CloudSnapshot -Name \"$prefix*\"", new Hashtable { ["prefix"] = prefix }).AssertSucceeded();
        fixture.Requests.Clear();
        Latency(60_000, "DELETE");
        using var shell = session.Create("$global:s | Remove-CloudSnapshot -Force -ThrottleLimit 4");

        var running = shell.BeginInvoke();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (fixture.RequestCount("scaleway", "DELETE") < 4 && DateTime.UtcNow < deadline) Thread.Sleep(20);
        shell.Stop();

        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(15)), "Remove-CloudSnapshot did not stop.");
        Assert.Equal(4, fixture.RequestCount("scaleway", "DELETE"));
        Assert.Equal(System.Management.Automation.PSInvocationState.Stopped, shell.InvocationStateInfo.State);
    }
}
