using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// Snapshot ids and names complete, through TabExpansion2 in the real PowerShell, from what the
/// session's cmdlets wrote earlier; completing sends no request, and the cache is bounded.
/// </summary>
public sealed class SnapshotIdCompletionTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Fact]
    public void Ids_listed_earlier_complete_on_the_Id_of_the_snapshot_cmdlets_without_a_request()
    {
        var outscale = fixture.Outscale.SeedSnapshots(3);
        var scaleway = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 2, namePrefix: "tab-ids-");
        using var session = fixture.ConnectedSession();
        session.Run("Get-CloudSnapshot -Id $o -Connection outscale | Out-Null; Get-CloudSnapshot -Id $s | Out-Null",
            new Hashtable { ["o"] = outscale.ToArray(), ["s"] = scaleway.ToArray() }).AssertSucceeded();
        fixture.Requests.Clear();

        var all = Complete(session, "Remove-CloudSnapshot -Id ");
        var outscaleOnly = Complete(session, "Set-CloudSnapshot -Connection outscale -Id ");
        var byPrefix = Complete(session, "Get-CloudSnapshot -Id " + outscale[1][..9]);
        var wait = Complete(session, "Wait-CloudSnapshot -Connection scaleway -Id ");

        Assert.Equal(0, fixture.CloudRequestCount());
        Assert.Equal(outscale.Concat(scaleway).Order(), all.Order());
        Assert.Equal(outscale.Order(), outscaleOnly.Order());
        Assert.Contains(outscale[1], byPrefix);
        Assert.All(byPrefix, id => Assert.StartsWith(outscale[1][..9], id, StringComparison.Ordinal));
        Assert.Equal(scaleway.Order(), wait.Order());
    }

    [Fact]
    public void Names_listed_earlier_complete_on_Get_CloudSnapshot_Name_newest_first()
    {
        var prefix = "tab-name-" + Guid.NewGuid().ToString("N")[..6] + "-";
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 3, namePrefix: prefix);
        using var session = fixture.ConnectedSession();
        session.Run("Get-CloudSnapshot -Name \"$prefix*\" | Out-Null", new Hashtable { ["prefix"] = prefix }).AssertSucceeded();
        fixture.Requests.Clear();

        var names = Complete(session, "Get-CloudSnapshot -Name " + prefix);

        Assert.Equal(0, fixture.CloudRequestCount());
        Assert.Equal(3, names.Count);
        Assert.All(names, n => Assert.StartsWith(prefix, n, StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_session_completes_no_id_and_the_cache_keeps_only_the_latest_2000()
    {
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 2100, namePrefix: "tab-many-");
        using var fresh = fixture.ConnectedSession();
        Assert.Empty(Complete(fresh, "Remove-CloudSnapshot -Id "));

        fresh.Run("Get-CloudSnapshot -Connection scaleway -Name 'tab-many-*' -PageSize 100 | Out-Null").AssertSucceeded();
        var offered = Complete(fresh, "Remove-CloudSnapshot -Connection scaleway -Id ");

        Assert.Equal(2000, offered.Count);
        Assert.Equal(offered.Count, offered.Distinct().Count());
    }

    [Fact]
    public void A_removed_snapshot_is_no_longer_offered_and_one_only_asked_about_with_WhatIf_still_is()
    {
        var ids = fixture.Outscale.SeedSnapshots(3);
        using var session = fixture.ConnectedSession();
        var variables = new Hashtable { ["ids"] = ids.ToArray() };
        session.Run("Get-CloudSnapshot -Id $ids -Connection outscale | Out-Null", variables).AssertSucceeded();

        session.Run("$ids[0] | Remove-CloudSnapshot -Connection outscale -Force; $ids[1] | Remove-CloudSnapshot -Connection outscale -WhatIf", variables).AssertSucceeded();
        var offered = Complete(session, "Wait-CloudSnapshot -Connection outscale -Id ");

        Assert.Equal(ids.Skip(1).Order(), offered.Order());
    }

    private static List<string> Complete(PowerShellSession session, string input) =>
        session.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText", new Hashtable { ["line"] = input })
            .AssertSucceeded().OutputOf<string>().ToList();
}
