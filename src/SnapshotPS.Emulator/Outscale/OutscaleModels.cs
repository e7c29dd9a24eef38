namespace SnapshotPS.Emulator.Outscale;

/// <summary>What an access key grants: one account.</summary>
internal sealed record OutscaleAccount(string AccessKey, string SecretKey, string AccountId);

/// <summary>A resource CreateTags and DeleteTags can reach; only its owner may tag it.</summary>
internal interface ITaggable
{
    string AccountId { get; }

    OutscaleTags Tags { get; }
}

/// <summary>Tags in the order they were first set; a key appears once.</summary>
internal sealed class OutscaleTags
{
    private readonly List<KeyValuePair<string, string>> _tags = [];

    public IReadOnlyList<KeyValuePair<string, string>> All => _tags;

    /// <summary>Sets the key's value, replacing an existing one in place.</summary>
    public void Set(string key, string value)
    {
        var index = _tags.FindIndex(tag => tag.Key == key);
        if (index < 0)
        {
            _tags.Add(KeyValuePair.Create(key, value));
        }
        else
        {
            _tags[index] = KeyValuePair.Create(key, value);
        }
    }

    /// <summary>Removes the key; when a value is given, only if the tag has exactly that value.</summary>
    public void Remove(string key, string? value) =>
        _tags.RemoveAll(tag => tag.Key == key && (value is null || tag.Value == value));
}

internal sealed class OutscaleVolume : ITaggable
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required int SizeGiB { get; init; }

    public OutscaleTags Tags { get; } = new();
}
