using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;

namespace SnapshotPS.Operations;

/// <summary>A snapshot named on the pipeline: a CloudSnapshot object, or an id with its connection and location.</summary>
public sealed class SnapshotTarget
{
    public CloudSnapshot? InputObject { get; init; }
    public string? Id { get; init; }
    public string? Connection { get; init; }
    public string? Location { get; init; }

    /// <summary>How confirmations, -WhatIf and progress name the snapshot: "name (id) on connection", or "id on connection" without a name.</summary>
    public string Describe(string connection) =>
        (InputObject is { } s ? (string.IsNullOrEmpty(s.Name) ? s.Id : $"{s.Name} ({s.Id})") : Id ?? "") + " on " + connection;

    /// <summary>Resolves the connection and checks the id and location before any request.</summary>
    public (SnapshotConnection Connection, ISnapshotProvider Provider, SnapshotLocator Locator) Resolve(ConnectionRegistry connections)
    {
        var connection = connections.Resolve(InputObject?.Connection ?? Connection);
        var provider = connection.GetClient();
        if (InputObject is { } snapshot)
        {
            if (snapshot.Provider != connection.Provider)
                throw InputValidation.Invalid("InputObject", $"snapshot {snapshot.Id} is a {snapshot.Provider} snapshot but connection '{connection.Name}' is {connection.Provider}.");
            return (connection, provider, SnapshotLocator.From(snapshot));
        }

        if (string.IsNullOrWhiteSpace(Id)) throw InputValidation.Invalid("Id", "a snapshot id is required.");
        provider.ValidateSnapshotId(Id!, "Id");
        if (Location is not null) provider.ValidateLocation(Location, "Location");
        return (connection, provider, new SnapshotLocator(Id!, Location));
    }
}
