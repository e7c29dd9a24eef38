using System.Diagnostics;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>Questions about the emulator's request log that take time: did something arrive, did it stop growing.</summary>
public static class RequestLogWatch
{
    /// <summary>Listing requests (GET .../snapshots, no id) of a Scaleway zone, either API.</summary>
    /// <summary>List requests of one Scaleway snapshot API ("instance" or "block") in a zone.</summary>
    public static int ScalewayListCount(this RequestLog log, string zone, string api) =>
        log.Snapshot().Count(r => r.Method == "GET" && r.Path.Contains($"/{api}/", StringComparison.Ordinal)
            && r.Path.EndsWith($"/zones/{zone}/snapshots", StringComparison.Ordinal));

    public static int ScalewayListCount(this RequestLog log, string zone) =>
        log.Snapshot().Count(r => r.Method == "GET" && r.Path.EndsWith($"/zones/{zone}/snapshots", StringComparison.Ordinal));

    /// <summary>Waits (up to 30 s) until the condition holds; fails the test otherwise.</summary>
    public static void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new Xunit.Sdk.XunitException("Timed out waiting until " + what);
            Thread.Sleep(20);
        }
    }

    /// <summary>Asserts that no request arrives during the quiet period.</summary>
    public static void AssertNoMoreRequests(this RequestLog log, TimeSpan quiet)
    {
        var before = log.Snapshot().Count;
        Thread.Sleep(quiet);
        var after = log.Snapshot();
        Assert.True(after.Count == before,
            $"{after.Count - before} request(s) arrived after Stop(): " + string.Join(", ", after.Skip(before).Select(r => r.Method + " " + r.Path)));
    }
}
