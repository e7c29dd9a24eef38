using SnapshotPS.Emulator.Outscale;
using SnapshotPS.Emulator.Storage;

namespace SnapshotPS.Emulator;

/// <summary>The OUTSCALE (OAPI) fake's state, arranged from tests. Methods are thread-safe; bad arguments throw ArgumentException.</summary>
public sealed class OutscaleFake
{
    /// <summary>20 upper-case alphanumeric characters, like real access keys.</summary>
    public const string DefaultAccessKey = "AKEMULATOR0000000001";

    /// <summary>40 characters, like real secret keys.</summary>
    public const string DefaultSecretKey = "SKEMULATOR00000000000000000000000000000001";

    public const string DefaultAccountId = "123456789012";
    public const string DefaultRegion = "eu-west-2";

    private const int DefaultSeedVolumeSize = 10;

    internal OutscaleFake(OutscaleTimings timings, TimeProvider time, ObjectStorage? storage = null)
    {
        Timings = timings;
        Storage = storage;
        Store = new OutscaleStore(time);
        AddAccount(DefaultAccessKey, DefaultSecretKey, DefaultAccountId);
    }

    public OutscaleTimings Timings { get; }

    /// <summary>How far the request's date header may be from the fake's clock (UNVERIFIED: AWS allows 15 minutes).</summary>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    internal OutscaleStore Store { get; }

    /// <summary>Where exports are written and imports read; null keeps both purely in memory.</summary>
    internal ObjectStorage? Storage { get; }

    /// <summary>Registers an access key for an account (12 digits); the same account may hold several keys.</summary>
    public void AddAccount(string accessKey, string secretKey, string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretKey);
        RequireAccountIdFormat(accountId);
        lock (Store.Gate)
        {
            Store.AccountsByAccessKey[accessKey] = new OutscaleAccount(accessKey, secretKey, accountId);
        }
    }

    /// <summary>Adds a volume owned by the account (the default one when null); returns "vol-" + 8 hex digits.</summary>
    public string AddVolume(int sizeGiB, string? accountId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeGiB);
        lock (Store.Gate)
        {
            var volume = new OutscaleVolume { Id = Store.NewId(OutscaleIds.Volume), AccountId = KnownAccount(accountId), SizeGiB = sizeGiB };
            Store.Volumes.Add(volume.Id, volume);
            return volume.Id;
        }
    }

    /// <summary>
    /// Adds completed snapshots (Progress 100) with distinct, ascending creation dates in the past; returns
    /// their IDs in creation order. Without a volume they name a volume that no longer exists, of 10 GiB.
    /// </summary>
    public IReadOnlyList<string> SeedSnapshots(int count, string? volumeId = null, string description = "",
        IEnumerable<KeyValuePair<string, string>>? tags = null, string? accountId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(description);
        var tagList = tags?.ToList() ?? [];
        lock (Store.Gate)
        {
            var owner = KnownAccount(accountId);
            var volume = volumeId is null ? null : Store.Volumes.GetValueOrDefault(volumeId);
            if (volumeId is not null && volume?.AccountId != owner)
            {
                throw new ArgumentException($"No volume {volumeId} in account {owner}.", nameof(volumeId));
            }

            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var snapshot = new OutscaleSnapshot
                {
                    Id = Store.NewId(OutscaleIds.Snapshot), AccountId = owner, CreatedAt = Store.NextSeedDate(), Description = description,
                    VolumeId = volume?.Id ?? Store.NewId(OutscaleIds.Volume), VolumeSize = volume?.SizeGiB ?? DefaultSeedVolumeSize,
                };
                foreach (var (key, value) in tagList)
                {
                    snapshot.Tags.Set(key, value);
                }

                Store.AddSnapshot(snapshot);
                ids.Add(snapshot.Id);
            }

            return ids;
        }
    }

    /// <summary>The next <paramref name="count"/> snapshots created from a volume or imported end in "error".</summary>
    public void FailNextSnapshots(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Store.Gate)
        {
            Store.AddSnapshotFailures(count);
        }
    }

    /// <summary>The next <paramref name="count"/> export tasks end in "failed" with a Comment saying why.</summary>
    public void FailNextExportTasks(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Store.Gate)
        {
            Store.AddExportFailures(count);
        }
    }

    /// <summary>Snapshots the account owns; every account's when null.</summary>
    public int SnapshotCount(string? accountId = null)
    {
        lock (Store.Gate)
        {
            return Store.Snapshots.Values.Count(snapshot => accountId is null || snapshot.AccountId == accountId);
        }
    }

    public bool SnapshotExists(string snapshotId)
    {
        lock (Store.Gate)
        {
            return Store.Snapshots.ContainsKey(snapshotId);
        }
    }

    /// <summary>Snapshots whose PermissionsToCreateVolume.AccountIds name the account, oldest first.</summary>
    public IReadOnlyList<string> SnapshotIdsSharedWith(string accountId)
    {
        lock (Store.Gate)
        {
            return Store.Snapshots.Values
                .Where(snapshot => snapshot.SharedWith.Contains(accountId))
                .OrderBy(snapshot => snapshot.CreatedAt).ThenBy(snapshot => snapshot.Id, StringComparer.Ordinal)
                .Select(snapshot => snapshot.Id)
                .ToList();
        }
    }

    internal OutscaleAccount? FindAccount(string accessKey)
    {
        lock (Store.Gate)
        {
            return Store.AccountsByAccessKey.GetValueOrDefault(accessKey);
        }
    }

    private string KnownAccount(string? accountId)
    {
        var id = accountId ?? DefaultAccountId;
        return Store.HasAccount(id) ? id : throw new ArgumentException($"No account {id}; add it with AddAccount first.", nameof(accountId));
    }

    private static void RequireAccountIdFormat(string accountId)
    {
        if (accountId is not { Length: 12 } || !accountId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{accountId}' is not an account ID (12 digits).", nameof(accountId));
        }
    }
}
