using System;
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

    /// <summary>The provider a hashtable or kept row said the snapshot belongs to; checked against the connection.</summary>
    public CloudProvider? Provider { get; init; }

    /// <summary>The -Connection given beside piped input that names its own connection; the two must agree.</summary>
    public string? RequestedConnection { get; init; }

    /// <summary>A target from -InputObject (a snapshot, or a reference a hashtable or row named) or from -Id.</summary>
    public static SnapshotTarget Of(CloudSnapshot? inputObject, string? id, string? connection, string? location) =>
        SnapshotPS.Pipeline.SnapshotReference.Behind(inputObject) is { } reference
            ? new SnapshotTarget { Id = reference.Id, Connection = reference.Connection ?? connection, Location = reference.Location ?? location, Provider = reference.Provider, RequestedConnection = connection }
            : new SnapshotTarget { InputObject = inputObject, Id = id, Connection = connection, Location = location };

    /// <summary>How confirmations, -WhatIf and progress name the snapshot: "name (id) on connection", or "id on connection" without a name.</summary>
    public string Describe(string connection) =>
        (InputObject is { } s ? (string.IsNullOrEmpty(s.Name) ? s.Id : $"{s.Name} ({s.Id})") : Id ?? "") + " on " + connection;

    /// <summary>Resolves the connection and checks the id and location before any request.</summary>
    public (SnapshotConnection Connection, ISnapshotProvider Provider, SnapshotLocator Locator) Resolve(ConnectionRegistry connections)
    {
        if (InputObject is { } read)
        {
            if (Connection is not null && !string.Equals(Connection, read.Connection, StringComparison.OrdinalIgnoreCase))
                throw InputValidation.Invalid("Connection", $"snapshot {read.Id} was read through connection '{read.Connection}', not '{Connection}'; leave -Connection out for snapshot objects.");
            if (Location is not null && read.Location is not null && !string.Equals(Location, read.Location, StringComparison.OrdinalIgnoreCase))
                throw InputValidation.Invalid("Location", $"snapshot {read.Id} is in {read.Location}, not {Location}; leave -Location out for snapshot objects.");
        }

        var connection = connections.Resolve(InputObject?.Connection ?? Connection);
        var provider = connection.GetClient();
        if (InputObject is { } snapshot)
        {
            if (snapshot.Provider != connection.Provider)
                throw InputValidation.Invalid("InputObject", $"snapshot {snapshot.Id} is a {snapshot.Provider} snapshot but connection '{connection.Name}' is {connection.Provider}.");
            return (connection, provider, SnapshotLocator.From(snapshot));
        }

        if (string.IsNullOrWhiteSpace(Id)) throw InputValidation.Invalid("Id", "a snapshot id is required.");
        if (RequestedConnection is not null && !string.Equals(RequestedConnection, connection.Name, StringComparison.OrdinalIgnoreCase))
            throw InputValidation.Invalid("Connection", $"snapshot {Id} is named on connection '{connection.Name}', not '{RequestedConnection}'; leave -Connection out, or drop the Connection key or column.");
        if (Provider is { } expected && expected != connection.Provider)
            throw InputValidation.Invalid("InputObject", $"snapshot {Id} is named as {("AEIOU".IndexOf(expected.ToString()[0]) >= 0 ? "an" : "a")} {expected} snapshot but connection '{connection.Name}' is {connection.Provider}.");
        provider.ValidateSnapshotId(Id!, "Id");
        if (Location is not null) provider.ValidateLocation(Location, "Location");
        return (connection, provider, new SnapshotLocator(Id!, Location));
    }
}
