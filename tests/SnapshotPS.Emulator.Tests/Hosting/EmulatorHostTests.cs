using System.Net;
using System.Net.Sockets;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Tests.Hosting;

public sealed class EmulatorHostTests
{
    [Fact]
    public async Task Port_zero_binds_a_free_loopback_port_and_two_hosts_run_side_by_side()
    {
        await using var first = await EmulatorHost.StartAsync();
        await using var second = await EmulatorHost.StartAsync();

        Assert.Equal("127.0.0.1", first.BaseAddress.Host);
        Assert.True(first.BaseAddress.Port > 0);
        Assert.NotEqual(first.BaseAddress.Port, second.BaseAddress.Port);
        Assert.EndsWith("/", first.BaseAddress.ToString());
        Assert.Equal(first.BaseAddress + "scaleway", first.ScalewayEndpoint.ToString());
    }

    [Fact]
    public async Task Explicit_port_is_used()
    {
        var port = FreePort();

        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Port = port });

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), host.BaseAddress);
    }

    [Fact]
    public async Task Disposed_host_stops_listening()
    {
        var host = await EmulatorHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        await host.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("_emulator"));
    }

    [Fact]
    public void Command_line_defaults_to_port_5080_without_seed()
    {
        var parsed = EmulatorCommandLine.Parse([]);

        Assert.Equal(new EmulatorCommandLine(5080, null, null, false, false), parsed);
    }

    [Fact]
    public void Command_line_reads_port_seed_and_snapshot_delay()
    {
        var parsed = EmulatorCommandLine.Parse(["--port", "0", "--seed", "25", "--snapshot-delay", "0.5", "--verbose"]);

        Assert.Equal(new EmulatorCommandLine(0, 25, 0.5, true, false), parsed);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--port")]
    [InlineData("--port", "70000")]
    [InlineData("--snapshot-delay", "-1")]
    public void Command_line_rejects_bad_input(params string[] args)
    {
        Assert.Throws<FormatException>(() => EmulatorCommandLine.Parse(args));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
