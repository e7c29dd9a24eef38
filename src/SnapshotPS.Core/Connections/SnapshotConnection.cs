using System;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;

namespace SnapshotPS.Core.Connections;

/// <summary>
/// A named, open connection to one provider. Shows no secret. Only its registry closes it
/// (Disconnect-SnapshotProvider, a replacing Connect, Remove-Module): nothing on its public
/// surface can break it.
/// </summary>
public sealed class SnapshotConnection
{
    private readonly ISnapshotProvider _client;

    public SnapshotConnection(string name, ConnectionSettings settings, ISnapshotProvider client, DateTimeOffset connectedAt)
    {
        Name = name;
        Provider = settings.Provider;
        Endpoint = settings.Endpoint;
        Location = settings.DefaultLocation;
        Scope = settings.Scope;
        Source = settings.Source;
        ConnectedAt = connectedAt;
        _client = client;
    }

    public string Name { get; }
    public CloudProvider Provider { get; }
    public Uri? Endpoint { get; }
    public string? Location { get; }
    public string? Scope { get; }
    public string Source { get; }
    public DateTimeOffset ConnectedAt { get; }
    public bool IsDefault { get; internal set; }
    public ProviderCapabilities Capabilities => _client.Capabilities;

    /// <summary>The provider client behind this connection.</summary>
    public ISnapshotProvider GetClient() => _client;

    internal void Close() => _client.Dispose();

    public override string ToString() => $"{Name} ({Provider}{(Location is null ? "" : ", " + Location)})";
}
