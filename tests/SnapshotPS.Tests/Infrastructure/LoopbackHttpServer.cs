using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SnapshotPS.Tests.Infrastructure;

/// <summary>
/// A bare HTTP/1.1 server on loopback that answers every request with one canned response and
/// keeps each request's head (request line and headers), to see what a client sent it.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<string> _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _heads = new();

    public LoopbackHttpServer(IPAddress address, Func<string> response)
    {
        _response = response;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<string> Heads
    {
        get { lock (_heads) return _heads.ToList(); }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer, _stop.Token) == 1)
                head.Append((char)buffer[0]);
            lock (_heads) _heads.Add(head.ToString());
            var bytes = Encoding.ASCII.GetBytes(_response());
            await stream.WriteAsync(bytes, _stop.Token);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
