using System;
using System.Net.Http;
using SnapshotPS.Core.Connections;
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
            OpenStackConnectionSettings openStack => new OpenStackProvider(openStack, connectionName, transport),
            _ => throw new NotSupportedException($"{settings.Provider} is not supported yet. Supported: Outscale, Scaleway."),
        };
}
