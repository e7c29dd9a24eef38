using System.Collections;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// What a user pipes into the snapshot cmdlets, through the real binder, on Scaleway (the default
/// connection) and Outscale: plain id strings, hashtables, and whole snapshots kept with Export-Csv or
/// ConvertTo-Json and read back. Before the binding fix, strings bound nothing, a hashtable became an
/// Outscale snapshot whatever its Connection said, and kept rows lost their connection's provider.
/// </summary>
public sealed class InputBindingTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    public static TheoryData<string> Connections() => new("scaleway", "outscale");

    [Theory]
    [MemberData(nameof(Connections))]
    public void An_id_string_piped_to_Get_CloudSnapshot_is_read_on_the_given_or_default_connection(string connection)
    {
        using var session = fixture.ConnectedSession();
        var ids = Seed(connection, 3);
        var target = connection == "scaleway" ? "" : " -Connection outscale"; // scaleway is the session's default

        var result = session.Run("$ids | Get-CloudSnapshot" + target, new Hashtable { ["ids"] = ids.ToArray() }).AssertSucceeded();

        Assert.Equal(ids, result.Output.Select(o => (string)o.Properties["Id"].Value));
        Assert.All(result.Output, o => Assert.Equal(connection, o.Properties["Connection"].Value));
    }

    [Theory]
    [MemberData(nameof(Connections))]
    public void Ids_read_from_a_file_remove_exactly_those_snapshots(string connection)
    {
        using var session = fixture.ConnectedSession();
        var ids = Seed(connection, 4);
        var file = Path.Combine(Path.GetTempPath(), "snapshotps-ids-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllLines(file, ids.Take(3));
        try
        {
            session.Run("Get-Content -LiteralPath $file | Remove-CloudSnapshot -Force -Connection $connection",
                new Hashtable { ["file"] = file, ["connection"] = connection }).AssertSucceeded();
        }
        finally
        {
            File.Delete(file);
        }

        var left = Listed(session, connection);
        Assert.Empty(left.Intersect(ids.Take(3)));
        Assert.Contains(ids[3], left);
    }

    [Theory]
    [MemberData(nameof(Connections))]
    public void A_hashtable_names_its_snapshot_on_its_own_Connection_for_WhatIf_and_for_real(string connection)
    {
        var host = new ScriptedHost();
        using var session = fixture.ConnectedSession(host);
        var ids = Seed(connection, 2);
        var variables = new Hashtable { ["ids"] = ids.ToArray(), ["connection"] = connection };

        session.Run("@{ Id = $ids[0]; Connection = $connection } | Remove-CloudSnapshot -WhatIf", variables).AssertSucceeded();
        var whatIf = host.Lines.Single(l => l.StartsWith("What if:", StringComparison.Ordinal));
        session.Run("@{ id = $ids[1]; connection = $connection } | Remove-CloudSnapshot -Force", variables).AssertSucceeded();

        Assert.Contains($"\"{ids[0]} on {connection}\"", whatIf, StringComparison.Ordinal);
        var left = Listed(session, connection);
        Assert.Contains(ids[0], left);
        Assert.DoesNotContain(ids[1], left);
    }

    [Theory]
    [MemberData(nameof(Connections))]
    public void A_hashtable_binds_Get_CloudSnapshot_and_Set_CloudSnapshot_by_its_keys(string connection)
    {
        using var session = fixture.ConnectedSession();
        var ids = Seed(connection, 2);
        var variables = new Hashtable { ["ids"] = ids.ToArray(), ["connection"] = connection };

        var read = session.Run("$ids | ForEach-Object { @{ Id = $_; Connection = $connection } } | Get-CloudSnapshot", variables).AssertSucceeded();
        var renamed = session.Run("@{ SnapshotId = $ids[0]; Connection = $connection } | Set-CloudSnapshot -Name from-a-hashtable -PassThru", variables).AssertSucceeded();

        Assert.Equal(ids, read.Output.Select(o => (string)o.Properties["Id"].Value));
        Assert.All(read.Output, o => Assert.Equal(connection, o.Properties["Connection"].Value));
        Assert.Equal("from-a-hashtable", Assert.Single(renamed.Output).Properties["Name"].Value);
    }

    [Fact]
    public void A_hashtable_whose_Provider_differs_from_its_connection_is_an_error_for_that_item_only()
    {
        using var session = fixture.ConnectedSession();
        var scaleway = Seed("scaleway", 1).Single();
        var outscale = Seed("outscale", 1).Single();

        var result = session.Run(
            "@{ Id = $outscale; Connection = 'scaleway'; Provider = 'Outscale' }, @{ Id = $scaleway; Connection = 'scaleway'; Provider = 'Scaleway' } | Remove-CloudSnapshot -Force",
            new Hashtable { ["outscale"] = outscale, ["scaleway"] = scaleway });

        var error = Assert.Single(result.Errors);
        Assert.Contains("Outscale", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("'scaleway'", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(scaleway, Listed(session, "scaleway"));
        Assert.Contains(outscale, Listed(session, "outscale"));
    }

    [Theory]
    [InlineData("Csv")]
    [InlineData("Json")]
    public void Whole_snapshots_of_two_clouds_kept_in_a_file_bind_back_to_their_own_connections(string kind)
    {
        using var session = fixture.ConnectedSession();
        var scaleway = Seed("scaleway", 3);
        var outscale = Seed("outscale", 3);
        var file = Path.Combine(Path.GetTempPath(), "snapshotps-kept-" + Guid.NewGuid().ToString("N") + "." + kind.ToLowerInvariant());
        var variables = new Hashtable { ["scaleway"] = scaleway.ToArray(), ["outscale"] = outscale.ToArray(), ["file"] = file, ["kind"] = kind };
        try
        {
            session.Run("""
                $all = @(Get-CloudSnapshot -Id $scaleway) + @(Get-CloudSnapshot -Id $outscale -Connection outscale)
                if ($kind -eq 'Csv') { $all | Export-Csv -LiteralPath $file -NoTypeInformation } else { ConvertTo-Json -InputObject $all -Depth 5 | Set-Content -LiteralPath $file }
                """, variables).AssertSucceeded();
            var read = session.Run("""
                $kept = if ($kind -eq 'Csv') { Import-Csv -LiteralPath $file } else { Get-Content -LiteralPath $file -Raw | ConvertFrom-Json }
                $kept | Get-CloudSnapshot
                """, variables).AssertSucceeded();
            session.Run("""
                $kept = if ($kind -eq 'Csv') { Import-Csv -LiteralPath $file } else { Get-Content -LiteralPath $file -Raw | ConvertFrom-Json }
                $kept | Where-Object { $_.Id -in @($scaleway[0], $outscale[0]) } | Remove-CloudSnapshot -Force
                """, variables).AssertSucceeded();

            Assert.Equal(scaleway.Concat(outscale), read.Output.Select(o => (string)o.Properties["Id"].Value));
            Assert.All(read.Output, o => Assert.Equal(scaleway.Contains((string)o.Properties["Id"].Value) ? "scaleway" : "outscale", o.Properties["Connection"].Value));
        }
        finally
        {
            File.Delete(file);
        }

        Assert.DoesNotContain(scaleway[0], Listed(session, "scaleway"));
        Assert.DoesNotContain(outscale[0], Listed(session, "outscale"));
        Assert.Contains(scaleway[1], Listed(session, "scaleway"));
        Assert.Contains(outscale[1], Listed(session, "outscale"));
    }

    [Fact]
    public void A_hashtable_without_an_Id_is_refused_with_a_message_naming_the_Id_key_and_nothing_is_sent()
    {
        using var session = fixture.ConnectedSession();
        fixture.Requests.Clear();

        var result = session.Run("@{ Connection = 'scaleway' } | Remove-CloudSnapshot -Force");

        var errors = BindingScripts.ErrorIds(result);
        Assert.NotEmpty(errors);
        var message = result.Errors.Select(e => e.Exception.Message).Concat([result.Terminating?.Message ?? ""]);
        Assert.Contains(message, m => m.Contains("Id", StringComparison.Ordinal) && m.Contains("hashtable", StringComparison.Ordinal));
        Assert.Equal(0, fixture.CloudRequestCount());
    }

    [Fact]
    public void A_row_naming_another_connection_than_Connection_is_an_error_for_that_row_only()
    {
        using var session = fixture.ConnectedSession();
        var scaleway = Seed("scaleway", 1).Single();
        var outscale = Seed("outscale", 1).Single();
        fixture.Requests.Clear();

        var result = session.Run(
            "[pscustomobject]@{ Id = $scaleway; Connection = 'scaleway' }, [pscustomobject]@{ Id = $outscale } | Remove-CloudSnapshot -Connection outscale -Force",
            new Hashtable { ["outscale"] = outscale, ["scaleway"] = scaleway });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("RemoveCloudSnapshotInvalidArgument", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(scaleway, Listed(session, "scaleway"));
        Assert.DoesNotContain(outscale, Listed(session, "outscale"));
    }

    [Fact]
    public void Objects_that_name_no_snapshot_bind_nothing_rather_than_their_text_as_an_id()
    {
        using var session = fixture.ConnectedSession();
        fixture.Requests.Clear();

        var result = session.Run("$Error.Clear(); Get-Date | Remove-CloudSnapshot -Force; $Error | ForEach-Object FullyQualifiedErrorId");

        Assert.Equal(["InputObjectNotBound,SnapshotPS.Cmdlets.RemoveCloudSnapshotCommand"], result.OutputOf<string>());
        Assert.Equal(0, fixture.CloudRequestCount());
    }

    private IReadOnlyList<string> Seed(string connection, int count) => connection == "scaleway"
        ? fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", count, namePrefix: "bind-" + Guid.NewGuid().ToString("N")[..6] + "-")
        : fixture.Outscale.SeedSnapshots(count);

    private static List<string> Listed(PowerShellSession session, string connection) =>
        session.Run("(Get-CloudSnapshot -Connection $connection).Id", new Hashtable { ["connection"] = connection }).AssertSucceeded().OutputOf<string>().ToList();
}
