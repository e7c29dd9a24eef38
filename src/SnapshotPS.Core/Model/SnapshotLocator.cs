namespace SnapshotPS.Core.Model;

/// <summary>Points at one snapshot: its id, and where known its location and the provider's object.</summary>
public sealed class SnapshotLocator
{
    public SnapshotLocator(string id, string? location = null, object? providerObject = null)
    {
        Id = id;
        Location = location;
        ProviderObject = providerObject;
    }

    public string Id { get; }
    public string? Location { get; }
    public object? ProviderObject { get; }

    public static SnapshotLocator From(CloudSnapshot snapshot) =>
        new(snapshot.Id, snapshot.Location, snapshot.ProviderObject);

    public override string ToString() => Location is null ? Id : $"{Id} ({Location})";
}
