using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>-WhatIf, -Confirm, $ConfirmPreference and -Force through the real ShouldProcess and a scripted user.</summary>
public sealed class ShouldProcessTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private const int Items = 6;

    public static TheoryData<string> ChangingCommands() => new(
        "$s | Remove-CloudSnapshot",
        "$s | Remove-CloudSnapshot -Force",
        "$s | Set-CloudSnapshot -AddTag @{ a = 'b' } -Name renamed",
        "$s | Copy-CloudSnapshot",
        "$s | Export-CloudSnapshot -Bucket whatif",
        "$s | Grant-CloudSnapshotPermission -Public",
        "$s | Revoke-CloudSnapshotPermission -AccountId 111122223333",
        "New-CloudSnapshot -VolumeId $s[0].VolumeId -Connection outscale",
        "New-CloudSnapshot -ImportUri https://example.test/a.qcow2 -SizeBytes 1024 -Connection outscale",
        "$task | Stop-CloudSnapshotExportTask",
        "Stop-CloudSnapshotExportTask -Id $task.Id -Connection outscale",
        "Disconnect-SnapshotProvider -Name outscale",
        "Disconnect-SnapshotProvider -All");

    [Theory]
    [MemberData(nameof(ChangingCommands))]
    public void WhatIf_sends_no_request_and_changes_nothing(string command)
    {
        fixture.Outscale.Timings.ExportDelay = TimeSpan.FromHours(1);
        var host = new ScriptedHost();
        using var session = fixture.ConnectedSession(host);
        var volume = fixture.Outscale.AddVolume(1);
        var ids = fixture.Outscale.SeedSnapshots(Items, volumeId: volume);
        var prepared = session.Run("$s = Get-CloudSnapshot -Id $ids -Connection outscale; $task = $s[0] | Export-CloudSnapshot -Bucket real",
            new Hashtable { ["ids"] = ids.ToArray() }).AssertSucceeded();
        var before = fixture.Outscale.SnapshotCount();
        fixture.Requests.Clear();

        var result = session.Run(command + " -WhatIf").AssertSucceeded();

        Assert.Equal(0, fixture.CloudRequestCount());
        Assert.Empty(result.Output);
        Assert.Empty(host.Prompts);
        Assert.Equal(before, fixture.Outscale.SnapshotCount());
        Assert.Equal(["outscale", "scaleway"], session.Run("(Get-SnapshotProvider).Name | Sort-Object").AssertSucceeded().OutputOf<string>());
        Assert.Empty(prepared.Errors);
    }

    [Theory]
    [InlineData("Y,N,A", "kept:1")]
    [InlineData("N,Y,L", "removed:1")]
    [InlineData("Y,Y,N,N,Y,Y", "kept:2,3")]
    [InlineData("A", "kept:")]
    [InlineData("L", "removed:")]
    public void Remove_prompts_by_default_and_follows_Yes_No_Yes_to_All_and_No_to_All(string answers, string expected)
    {
        var host = new ScriptedHost(answers.Split(','));
        using var session = fixture.ConnectedSession(host);
        var ids = fixture.Outscale.SeedSnapshots(Items);

        session.Run("Get-CloudSnapshot -Id $ids -Connection outscale | Remove-CloudSnapshot", new Hashtable { ["ids"] = ids.ToArray() }).AssertSucceeded();

        var (kind, list) = (expected.Split(':')[0], expected.Split(':')[1]);
        var listed = list.Length == 0 ? [] : list.Split(',').Select(int.Parse).ToHashSet();
        var shouldExist = Enumerable.Range(0, Items).Select(i => kind == "kept" ? listed.Contains(i) : !listed.Contains(i)).ToList();
        Assert.Equal(shouldExist, ids.Select(fixture.Outscale.SnapshotExists).ToList());
        Assert.Equal(answers.Split(',').Length, host.Prompts.Count);
        Assert.All(host.Prompts, p => Assert.Contains("Remove snapshot", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Force_removes_without_a_prompt()
    {
        var host = new ScriptedHost();
        using var session = fixture.ConnectedSession(host);
        var ids = fixture.Outscale.SeedSnapshots(Items);

        session.Run("Get-CloudSnapshot -Id $ids -Connection outscale | Remove-CloudSnapshot -Force", new Hashtable { ["ids"] = ids.ToArray() }).AssertSucceeded();

        Assert.Empty(host.Prompts);
        Assert.All(ids, id => Assert.False(fixture.Outscale.SnapshotExists(id)));
    }

    [Theory]
    [InlineData("$ConfirmPreference = 'None'; $s | Remove-CloudSnapshot")]
    [InlineData("$s | Remove-CloudSnapshot -Confirm:$false")]
    public void Remove_without_confirmation_when_the_preference_or_switch_says_so(string script)
    {
        var host = new ScriptedHost();
        using var session = fixture.ConnectedSession(host);
        var ids = fixture.Outscale.SeedSnapshots(Items);

        session.Run("$s = Get-CloudSnapshot -Id $ids -Connection outscale; " + script, new Hashtable { ["ids"] = ids.ToArray() }).AssertSucceeded();

        Assert.Empty(host.Prompts);
        Assert.All(ids, id => Assert.False(fixture.Outscale.SnapshotExists(id)));
    }

    [Fact]
    public void Medium_impact_Set_does_not_prompt_by_default_but_does_with_Confirm_or_a_Medium_preference()
    {
        var host = new ScriptedHost("N", "Y", "N", "L");
        using var session = fixture.ConnectedSession(host);
        var ids = fixture.Outscale.SeedSnapshots(3);
        var vars = new Hashtable { ["ids"] = ids.ToArray() };

        var unprompted = session.Run("Get-CloudSnapshot -Id $ids -Connection outscale | Set-CloudSnapshot -AddTag @{ round = '1' } -PassThru", vars).AssertSucceeded();
        var confirmed = session.Run("Get-CloudSnapshot -Id $ids -Connection outscale | Set-CloudSnapshot -AddTag @{ round = '2' } -PassThru -Confirm", vars).AssertSucceeded();
        var preferred = session.Run("$ConfirmPreference = 'Medium'; Get-CloudSnapshot -Id $ids -Connection outscale | Set-CloudSnapshot -AddTag @{ round = '3' } -PassThru", vars).AssertSucceeded();

        Assert.Equal(3, unprompted.Output.Count);
        Assert.Equal([ids[1]], confirmed.Output.Select(o => (string)o.Properties["Id"].Value));
        Assert.Empty(preferred.Output);
        Assert.Equal(4, host.Prompts.Count);
    }

    [Fact]
    public void Force_with_WhatIf_still_removes_nothing()
    {
        var host = new ScriptedHost();
        using var session = fixture.ConnectedSession(host);
        var ids = fixture.Outscale.SeedSnapshots(Items);
        session.Run("$s = Get-CloudSnapshot -Id $ids -Connection outscale", new Hashtable { ["ids"] = ids.ToArray() }).AssertSucceeded();
        fixture.Requests.Clear();

        session.Run("$s | Remove-CloudSnapshot -Force -WhatIf; $WhatIfPreference = $true; $s | Remove-CloudSnapshot -Force").AssertSucceeded();

        Assert.Equal(0, fixture.CloudRequestCount());
        Assert.All(ids, id => Assert.True(fixture.Outscale.SnapshotExists(id)));
    }
}
