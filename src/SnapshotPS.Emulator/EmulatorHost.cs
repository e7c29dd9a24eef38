using SnapshotPS.Emulator.CloudMC;
using SnapshotPS.Emulator.Hosting;
using SnapshotPS.Emulator.Koyeb;
using SnapshotPS.Emulator.OpenStack;
using SnapshotPS.Emulator.Outscale;
using SnapshotPS.Emulator.Scaleway;
using SnapshotPS.Emulator.Storage;

namespace SnapshotPS.Emulator;

/// <summary>The fake clouds, served over HTTP on loopback.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, Uri baseAddress, OutscaleFake outscale, ScalewayFake scaleway, OpenStackFake openStack, FaultInjector faults,
        RequestLog requests, ProviderDirectory providers)
    {
        OpenStack = openStack;
        _app = app;
        BaseAddress = baseAddress;
        Outscale = outscale;
        Scaleway = scaleway;
        Faults = faults;
        Requests = requests;
        Providers = providers;
    }

    /// <summary>For example http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>BaseAddress + "outscale/api/v1"; clients append "/{Operation}", e.g. "/ReadSnapshots".</summary>
    public Uri OutscaleEndpoint => OutscaleProvider.Endpoint(BaseAddress);

    public OutscaleFake Outscale { get; }

    /// <summary>BaseAddress + "scaleway"; clients append "/instance/v1/zones/..." or "/block/v1/zones/...".</summary>
    public Uri ScalewayEndpoint => new(BaseAddress, "scaleway");

    public ScalewayFake Scaleway { get; }

    /// <summary>The Keystone auth URL, BaseAddress + "openstack/identity/v3"; clients append "/auth/tokens". Cinder's URLs come from the catalog.</summary>
    public Uri OpenStackAuthUrl => new(OpenStackProvider.AuthUrl(BaseAddress));

    public OpenStackFake OpenStack { get; }

    /// <summary>BaseAddress + "koyeb"; clients append "/v1/snapshots".</summary>
    public Uri KoyebEndpoint => new(BaseAddress, "koyeb");

    public KoyebFake Koyeb => Providers.All.OfType<KoyebProvider>().Single().Fake;

    /// <summary>BaseAddress + "cloudmc/api/v2"; clients append "/services/{service}/{environment}/snapshots" or "/tasks/{id}".</summary>
    public Uri CloudMCEndpoint => CloudMCProvider.Endpoint(BaseAddress);

    public CloudMCFake CloudMC => Providers.All.OfType<CloudMCProvider>().Single().Fake;

    public FaultInjector Faults { get; }

    public RequestLog Requests { get; }

    internal ProviderDirectory Providers { get; }

    /// <summary>Starts the emulator on 127.0.0.1 and options.Port (0 picks a free port).</summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var time = options.TimeProvider ?? TimeProvider.System;
        var storage = options.ObjectStorage is { } storageOptions ? new ObjectStorage(storageOptions) : null;
        var outscale = new OutscaleFake(options.OutscaleTimings ?? new OutscaleTimings(), time, storage);
        var scaleway = new ScalewayFake(options.ScalewayTimings ?? new ScalewayTimings(), time, storage);
        var openStack = new OpenStackFake(options.OpenStackTimings ?? new OpenStackTimings(), time);
        var faults = new FaultInjector(time);
        var requests = new RequestLog();
        var koyeb = new KoyebFake(options.KoyebTimings ?? new KoyebTimings(), time);
        var providers = new ProviderDirectory(
            [new OutscaleProvider(outscale, time), new ScalewayProvider(scaleway), new OpenStackProvider(openStack), new KoyebProvider(koyeb),
             new CloudMCProvider(new CloudMCFake(options.CloudMCTimings ?? new CloudMCTimings(), time))]);
        var app = EmulatorApplication.Build(options, providers, faults, requests, time);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            storage?.Dispose();
            throw;
        }

        var address = app.Urls.First();
        return new EmulatorHost(app, new Uri(address.TrimEnd('/') + "/"), outscale, scaleway, openStack, faults, requests, providers);
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        Outscale.Storage?.Dispose();
    }
}
