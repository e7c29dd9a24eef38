using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>Every cmdlet that changes a snapshot names it the same way in -WhatIf and confirmations: "name (id) on connection".</summary>
public sealed class WhatIfTargetTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [Fact]
    public void Set_Remove_Wait_Grant_Revoke_Export_and_Copy_name_the_snapshot_alike()
    {
        var name = "whatif-" + Guid.NewGuid().ToString("N")[..8];
        var id = fixture.Outscale.SeedSnapshots(1, tags: [new KeyValuePair<string, string>("Name", name)]).Single();
        var host = new ScriptedHost();
        using var session = fixture.ConnectedSession(host);

        session.Run("""
            $s = Get-CloudSnapshot -Connection outscale -Id $id
            $s | Set-CloudSnapshot -Tag @{ env = 'test' } -WhatIf
            $s | Remove-CloudSnapshot -WhatIf
            $s | Grant-CloudSnapshotPermission -AccountId 210987654321 -WhatIf
            $s | Revoke-CloudSnapshotPermission -Public -WhatIf
            $s | Export-CloudSnapshot -Bucket backups -WhatIf
            $s | Copy-CloudSnapshot -WhatIf
            """, new Hashtable { ["id"] = id }).AssertSucceeded();

        var whatIf = host.Lines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, whatIf.Count);
        Assert.All(whatIf, line => Assert.Contains($"\"{name} ({id}) on outscale", line, StringComparison.Ordinal));
    }
}
