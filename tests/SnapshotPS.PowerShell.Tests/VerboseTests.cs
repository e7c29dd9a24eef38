using System.Collections;
using System.Text.RegularExpressions;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>-Verbose shows each HTTP call the emulator received: method, URL and status.</summary>
public sealed partial class VerboseTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    [GeneratedRegex(@"^(?<method>GET|POST|PUT|PATCH|DELETE) (?<url>http://\S+) -> (?<status>\d{3}) ")]
    private static partial Regex HttpLine();

    [Fact]
    public void Verbose_shows_one_line_per_request_with_method_url_and_status()
    {
        var ids = fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 2, namePrefix: "verbose-");
        var outscaleId = fixture.Outscale.SeedSnapshots(1)[0];
        using var session = fixture.ConnectedSession();
        fixture.Requests.Clear();

        var result = session.Run("""
            Get-CloudSnapshot -Id $ids -Verbose -ErrorAction SilentlyContinue
            Get-CloudSnapshot -Connection outscale -Id $outscaleId -Verbose
            Set-CloudSnapshot -Id $ids[0] -Name verbose-renamed -Verbose
            """, new Hashtable { ["ids"] = ids.Append("cccccccc-cccc-4ccc-8ccc-cccccccccccc").ToArray(), ["outscaleId"] = outscaleId });

        var lines = result.Streams.Verbose.Select(v => HttpLine().Match(v.Message)).Where(m => m.Success).ToList();
        var requests = fixture.Requests.Snapshot();
        Assert.Equal(requests.Count, lines.Count);
        Assert.Equal(requests.Count, fixture.CloudRequestCount());
        foreach (var request in requests)
        {
            Assert.Contains(lines, line => line.Groups["method"].Value == request.Method
                && new Uri(line.Groups["url"].Value).AbsolutePath == request.Path);
        }

        Assert.Contains(lines, line => line.Groups["status"].Value == "404");
        Assert.Contains(lines, line => line.Groups["status"].Value == "200");
    }

    [Fact]
    public void Without_Verbose_no_HTTP_line_is_written()
    {
        fixture.Scaleway.SeedInstanceSnapshots("fr-par-1", 1, namePrefix: "quiet-");
        using var session = fixture.ConnectedSession();

        var result = session.Run("Get-CloudSnapshot -Name quiet-*").AssertSucceeded();

        Assert.NotEmpty(result.Output);
        Assert.Empty(result.Streams.Verbose);
    }
}
