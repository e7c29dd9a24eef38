using SnapshotPS.Emulator.Koyeb;

namespace SnapshotPS.Emulator;

/// <summary>The Koyeb fake's state, arranged from tests. Methods are thread-safe; bad arguments throw ArgumentException.</summary>
public sealed class KoyebFake
{
    /// <summary>64 characters, the length the koyeb CLI asks of a personal access token.</summary>
    public const string DefaultToken = "kyb0emulator0token0000000000000000000000000000000000000000000001";
    public const string DefaultOrganizationId = "c402bcad-d06d-4fd6-8af2-08b790c0e249";
    public const string DefaultRegion = "fra";

    internal KoyebFake(KoyebTimings timings, TimeProvider time)
    {
        Timings = timings;
        Store = new KoyebStore(time, timings);
        Store.Tokens[DefaultToken] = DefaultOrganizationId;
    }

    public KoyebTimings Timings { get; }

    internal KoyebStore Store { get; }

    /// <summary>Registers another token for another organization.</summary>
    public void AddOrganization(string token, string organizationId)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Any(char.IsWhiteSpace)) throw new ArgumentException("A token is one word.", nameof(token));
        var organization = RequireUuid(organizationId, nameof(organizationId));
        lock (Store.Gate)
        {
            Store.Tokens[token] = organization;
        }
    }

    /// <summary>A persistent volume snapshots can be taken of; max_size in GB.</summary>
    public string AddVolume(string name, string region = DefaultRegion, long maxSizeGb = 10, string? organizationId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSizeGb);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        lock (Store.Gate)
        {
            var volume = new KoyebVolume
            {
                Id = Guid.NewGuid().ToString(), Name = name, Region = region, MaxSize = maxSizeGb,
                OrganizationId = organizationId is null ? DefaultOrganizationId : RequireUuid(organizationId, nameof(organizationId)),
            };
            Store.Volumes.Add(volume.Id, volume);
            return volume.Id;
        }
    }

    /// <summary>
    /// Adds AVAILABLE, REMOTE snapshots of the volume named namePrefix + 001, 002, ..., created a day ago one second
    /// apart in that order (so older than anything created through the API). Without a volume they keep the id of
    /// one that no longer exists.
    /// </summary>
    public IReadOnlyList<string> SeedSnapshots(int count, string namePrefix = "seed-", string? volumeId = null, string? region = null,
        string? organizationId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Store.Gate)
        {
            var volume = volumeId is null ? null
                : Store.Volumes.GetValueOrDefault(volumeId) ?? throw new ArgumentException($"No volume {volumeId}.", nameof(volumeId));
            var organization = volume?.OrganizationId ?? (organizationId is null ? DefaultOrganizationId : RequireUuid(organizationId, nameof(organizationId)));
            var parent = volume?.Id ?? Guid.NewGuid().ToString();
            var ids = new List<string>(count);
            for (var i = 1; i <= count; i++)
            {
                var sequence = Store.NextSequence();
                var created = Store.Now - TimeSpan.FromDays(1) + TimeSpan.FromSeconds(sequence);
                var snapshot = new KoyebSnapshotRecord
                {
                    Id = Guid.NewGuid().ToString(), Name = $"{namePrefix}{i:D3}", Size = volume?.MaxSize ?? 10,
                    CreatedAt = created, UpdatedAt = created, OrganizationId = organization, ParentVolumeId = parent,
                    Region = volume?.Region ?? region ?? DefaultRegion, Status = KoyebStatus.Available, Type = KoyebStatus.Remote,
                    Sequence = sequence,
                };
                Store.Add(snapshot);
                ids.Add(snapshot.Id);
            }

            return ids;
        }
    }

    /// <summary>Snapshots the organization holds now (deleting ones included, deleted ones not).</summary>
    public int SnapshotCount(string? organizationId = null)
    {
        lock (Store.Gate)
        {
            Store.SettleDue();
            return Store.OrderOf(organizationId ?? DefaultOrganizationId).Count;
        }
    }

    /// <summary>The raw status and type of a snapshot, or null when it is gone.</summary>
    public (string Status, string Type)? StateOf(string snapshotId)
    {
        lock (Store.Gate)
        {
            Store.SettleDue();
            return Store.Snapshots.TryGetValue(snapshotId, out var snapshot) ? (snapshot.Status, snapshot.Type) : null;
        }
    }

    internal string? OrganizationOf(string token)
    {
        lock (Store.Gate)
        {
            return Store.Tokens.GetValueOrDefault(token);
        }
    }

    internal static bool IsUuid(string? value) => value is { Length: 36 } && Guid.TryParseExact(value, "D", out _);

    private static string RequireUuid(string value, string name) =>
        IsUuid(value) ? value.ToLowerInvariant() : throw new ArgumentException($"'{value}' is not a UUID.", name);
}
