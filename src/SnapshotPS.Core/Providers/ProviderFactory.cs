using System;
using System.Net.Http;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Providers.CloudMC;
using SnapshotPS.Core.Providers.Koyeb;
using SnapshotPS.Core.Providers.OpenStack;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;

namespace SnapshotPS.Core.Providers;

/// <summary>Opens the provider client that fits a connection's settings.</summary>
public static class ProviderFactory
{
    public static ISnapshotProvider Create(ConnectionSettings settings, string connectionName, HttpMessageHandler? transport = null) =>
        settings switch
        {
            ScalewayConnectionSettings scaleway => new ScalewayProvider(scaleway, connectionName, transport),
            OutscaleConnectionSettings outscale => new OutscaleProvider(outscale, connectionName, transport),
            KoyebConnectionSettings koyeb => new KoyebProvider(koyeb, connectionName, transport),
            CloudMCConnectionSettings cloudMC => new CloudMCProvider(cloudMC, connectionName, transport),
            OpenStackConnectionSettings openStack => new OpenStackProvider(openStack, connectionName, transport),
            _ => throw new NotSupportedException($"SnapshotPS cannot connect to {settings.Provider}. It connects to Outscale, Scaleway, OpenStack, Koyeb and CloudMC."),
        };
}
