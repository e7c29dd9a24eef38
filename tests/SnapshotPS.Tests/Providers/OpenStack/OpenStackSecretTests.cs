using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Core.Connections;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>No password, application-credential secret or token in traces, verbose lines, errors, output or the request log.</summary>
public class OpenStackSecretTests(OpenStackEmulatorFixture emulator) : IClassFixture<OpenStackEmulatorFixture>
{
    [Fact]
    public async Task A_whole_session_traced_and_recorded_shows_no_secret()
    {
        var volume = emulator.Fake.AddVolume(name: "secrets");
        var registry = new ConnectionRegistry();
        emulator.Add(registry, "pw");
        emulator.Add(registry, "app", emulator.ApplicationCredentialSettings());
        var context = new RecordingContext();
        var trace = new List<string>();

        using (HttpTrace.Use(line => { lock (trace) trace.Add(line); }))
        {
            foreach (var connection in new[] { "pw", "app" })
            {
                await new NewSnapshotOperation(registry, context).ProcessAsync(new NewSnapshotRequest { Connection = connection, VolumeId = volume, Wait = true, Timeout = TimeSpan.FromSeconds(20) }, CancellationToken.None);
                await new GetSnapshotOperation(registry, context).ProcessAsync(new GetSnapshotRequest { Connection = connection, Ids = new[] { Guid.NewGuid().ToString() } }, CancellationToken.None);
            }
        }

        var recorded = emulator.Host.Requests.Snapshot().Count;
        Assert.NotEmpty(trace);
        Assert.Contains(trace, line => line.Contains("/auth/tokens", StringComparison.Ordinal));
        var everything = string.Join("\n", trace) + context.AllText() + string.Join("\n", context.Errors.Select(e => e.Exception.ToString()))
            + string.Join("\n", registry.All().Select(c => c.ToString() + c.Scope + c.Source))
            + string.Join("\n", emulator.Host.Requests.Snapshot().Select(r => r.Path + r.Query + r.Body));
        Assert.True(recorded > 0);
        Assert.DoesNotContain(OpenStackFake.DemoPassword, everything);
        Assert.DoesNotContain(OpenStackFake.DemoApplicationCredentialSecret, everything);
        Assert.Contains(trace, line => line.Contains("request id", StringComparison.Ordinal));
    }
}
