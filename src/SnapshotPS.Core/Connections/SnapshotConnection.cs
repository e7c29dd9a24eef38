using System;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Storage;

namespace SnapshotPS.Core.Connections;

/// <summary>
/// A named, open connection to one provider. Shows no secret. Only its registry closes it
/// (Disconnect-SnapshotProvider, a replacing Connect, Remove-Module): nothing on its public
/// surface can break it.
/// </summary>
public sealed class SnapshotConnection
{
    private readonly ISnapshotProvider _client;
    private readonly ObjectStorageSettings? _storageSettings;
    private readonly object _storageGate = new();
    private ObjectStorageClient? _storage;
    private bool _closed;

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
        _storageSettings = settings.Storage;
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

    /// <summary>The object storage endpoint exports and imports go through; null when the connection has none.</summary>
    public Uri? StorageEndpoint => _storageSettings?.Endpoint;

    public string? StorageRegion => _storageSettings?.Region;

    /// <summary>The access key object storage requests are signed with (never the secret key).</summary>
    public string? StorageAccessKey => _storageSettings?.AccessKey;

    /// <summary>The provider client behind this connection.</summary>
    public ISnapshotProvider GetClient() => _client;

    /// <summary>
    /// The connection's object storage client, made on first use and closed with the connection.
    /// Sends no request; throws an ArgumentException when the storage settings are incomplete.
    /// </summary>
    public ObjectStorageClient GetStorage()
    {
        if (_storageSettings is null)
            throw new InvalidOperationException($"Connection '{Name}' ({Provider}) has no object storage; exports and imports through buckets work on Outscale and Scaleway connections.");
        lock (_storageGate)
        {
            if (_closed) throw new ObjectDisposedException(nameof(SnapshotConnection), $"Connection '{Name}' is closed.");
            if (_storage is not null) return _storage;
            try
            {
                return _storage = new ObjectStorageClient(_storageSettings);
            }
            catch (ArgumentException incomplete)
            {
                throw new ArgumentException($"Connection '{Name}' cannot use its object storage ({_storageSettings.Endpoint}): {incomplete.Message} " +
                    "Connect again with -StorageCredential (access key and secret key) or -StorageEndpoint.", incomplete.ParamName, incomplete);
            }
        }
    }

    /// <summary>A client of this connection's object storage signed with other keys (a bucket owner's); the caller disposes it.</summary>
    public ObjectStorageClient NewStorageClient(string accessKey, SecretValue secretKey)
    {
        var settings = _storageSettings ?? throw new InvalidOperationException($"Connection '{Name}' ({Provider}) has no object storage.");
        return new ObjectStorageClient(new ObjectStorageSettings
        {
            Endpoint = settings.Endpoint,
            Region = settings.Region,
            AllowUnencryptedEndpoint = settings.AllowUnencryptedEndpoint,
            AccessKey = accessKey,
            SecretKey = secretKey,
        });
    }

    /// <summary>True when both connections reach the same store with the same keys, so an object of one is readable by the other.</summary>
    public bool SharesStorageWith(SnapshotConnection other) =>
        _storageSettings is { Endpoint: { } mine } && other._storageSettings is { Endpoint: { } theirs }
        && Uri.Compare(mine, theirs, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && string.Equals(_storageSettings.AccessKey, other._storageSettings.AccessKey, StringComparison.Ordinal)
        && _storageSettings.SecretKey is { } secret && other._storageSettings.SecretKey is { } otherSecret && otherSecret.RevealsAs(secret.Reveal());

    internal void Close()
    {
        _client.Dispose();
        lock (_storageGate)
        {
            _closed = true;
            _storage?.Dispose();
            _storage = null;
        }
    }

    public override string ToString() => $"{Name} ({Provider}{(Location is null ? "" : ", " + Location)})";
}
