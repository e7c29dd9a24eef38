using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>
/// One emulator on a free loopback port for a test class, with states that settle at once, and the
/// built module ready to import into as many runspaces as the tests open.
/// </summary>
public sealed class PowerShellFixture : IAsyncLifetime
{
    public EmulatorHost Emulator { get; private set; } = null!;

    public ScalewayFake Scaleway => Emulator.Scaleway;

    public OutscaleFake Outscale => Emulator.Outscale;

    public RequestLog Requests => Emulator.Requests;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ModuleLayout.ManifestPath))
        {
            throw new InvalidOperationException($"Build the solution first: {ModuleLayout.ManifestPath} is missing.");
        }

        Emulator = await EmulatorHost.StartAsync(EmulatorOptions.Instant());
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    /// <summary>A fresh runspace with the module imported and no connection.</summary>
    public PowerShellSession NewSession(PSHost? host = null) => new(host);

    /// <summary>A fresh runspace connected to the Scaleway fake as "scaleway" (the default) and the Outscale fake as "outscale".</summary>
    public PowerShellSession ConnectedSession(PSHost? host = null)
    {
        var session = new PowerShellSession(host);
        session.ConnectScaleway(Emulator.ScalewayEndpoint);
        session.ConnectOutscale(Emulator.OutscaleEndpoint);
        return session;
    }

    /// <summary>Requests the emulator received for a provider ("scaleway", "outscale") since the log was cleared.</summary>
    public int RequestCount(string provider, string method = "", string pathContains = "") =>
        Requests.Snapshot().Count(r => string.Equals(r.Provider, provider, StringComparison.OrdinalIgnoreCase)
            && (method.Length == 0 || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))
            && r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase));

    /// <summary>Requests of any provider the emulator received since the log was cleared (admin calls excluded).</summary>
    public int CloudRequestCount() => Requests.Snapshot().Count(r => r.Provider is "scaleway" or "outscale");
}
