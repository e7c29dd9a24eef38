using SnapshotPS.Emulator.Scaleway;
using SnapshotPS.Emulator.Scaleway.Block;
using SnapshotPS.Emulator.Scaleway.Instance;
using SnapshotPS.Emulator.Storage;

namespace SnapshotPS.Emulator;

/// <summary>The Scaleway fake's state, arranged from tests. Methods are thread-safe; bad arguments throw ArgumentException.</summary>
public sealed class ScalewayFake
{
    /// <summary>A UUID, like real Scaleway secret keys.</summary>
    public const string DefaultSecretKey = "11111111-1111-4111-8111-111111111111";
    public const string DefaultAccessKey = "SCWEMULATOR000000000";
    public const string DefaultProjectId = "22222222-2222-4222-8222-222222222222";

    /// <summary>On real Scaleway the default project's id is the organization's id.</summary>
    public const string DefaultOrganizationId = DefaultProjectId;

    private const long DefaultSeedSize = 20_000_000_000;

    internal ScalewayFake(ScalewayTimings timings, TimeProvider time, ObjectStorage? storage = null)
    {
        Timings = timings;
        Storage = storage;
        Store = new ScalewayStore(time);
        Store.Tenants[DefaultSecretKey] = new ScalewayTenant(DefaultSecretKey, DefaultProjectId, DefaultOrganizationId);
    }

    public ScalewayTimings Timings { get; }

    internal ScalewayStore Store { get; }

    /// <summary>Where exports are written and imports read; null without --s3-endpoint.</summary>
    internal ObjectStorage? Storage { get; }

    /// <summary>Registers another secret key for another tenant; returns the project id.</summary>
    public string AddProject(string secretKey, string projectId, string organizationId)
    {
        var key = RequireUuid(secretKey, nameof(secretKey));
        var tenant = new ScalewayTenant(key, RequireUuid(projectId, nameof(projectId)), RequireUuid(organizationId, nameof(organizationId)));
        lock (Store.Gate)
        {
            Store.Tenants[key] = tenant;
        }

        return tenant.ProjectId;
    }

    public string AddInstanceVolume(string zone, string name, long sizeBytes, string volumeType = "l_ssd", string? projectId = null)
    {
        ScalewayZones.Require(ScalewayApi.Instance, zone);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeBytes);
        lock (Store.Gate)
        {
            var project = ProjectOrDefault(projectId);
            var volume = new InstanceVolume
            {
                Id = ScalewayIds.New(), Zone = zone, Name = name, VolumeType = volumeType, Size = sizeBytes,
                ProjectId = project, OrganizationId = Store.OrganizationOf(project), CreatedAt = Store.Now,
            };
            Store.InstanceVolumes.Add(volume.Id, volume);
            return volume.Id;
        }
    }

    public string AddBlockVolume(string zone, string name, long sizeBytes, string? projectId = null)
    {
        ScalewayZones.Require(ScalewayApi.Block, zone);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeBytes);
        lock (Store.Gate)
        {
            var project = ProjectOrDefault(projectId);
            var volume = new BlockVolume
            {
                Id = ScalewayIds.New(), Zone = zone, Name = name, Size = sizeBytes,
                ProjectId = project, OrganizationId = Store.OrganizationOf(project), CreatedAt = Store.Now,
            };
            Store.BlockVolumes.Add(volume.Id, volume);
            return volume.Id;
        }
    }

    /// <summary>Adds available snapshots named namePrefix + 001, 002, ... with distinct, ascending creation dates in the past.</summary>
    public IReadOnlyList<string> SeedInstanceSnapshots(string zone, int count, string namePrefix = "seed-", string? volumeId = null,
        IEnumerable<string>? tags = null, string? projectId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return SeedInstance(zone, count, (_, sequence) => SeedDate(sequence), namePrefix, volumeId, tags, projectId);
    }

    /// <summary>
    /// Adds available snapshots created at the given times, named namePrefix + 001, 002, ... in the order of
    /// the times, oldest first, for tests of policies that read creation dates (retention).
    /// </summary>
    public IReadOnlyList<string> SeedInstanceSnapshotsAt(string zone, IEnumerable<DateTimeOffset> createdAt, string namePrefix = "seed-",
        string? volumeId = null, IEnumerable<string>? tags = null, string? projectId = null)
    {
        var times = createdAt.OrderBy(time => time).ToList();
        return SeedInstance(zone, times.Count, (i, _) => times[i - 1], namePrefix, volumeId, tags, projectId);
    }

    private IReadOnlyList<string> SeedInstance(string zone, int count, Func<int, long, DateTimeOffset> createdAt, string namePrefix,
        string? volumeId, IEnumerable<string>? tags, string? projectId)
    {
        ScalewayZones.Require(ScalewayApi.Instance, zone);
        var tagList = tags?.ToList() ?? [];
        lock (Store.Gate)
        {
            var project = ProjectOrDefault(projectId);
            var volume = volumeId is null ? null : RequireVolume(Store.InstanceVolumes, volumeId, zone, project);
            var ids = new List<string>(count);
            for (var i = 1; i <= count; i++)
            {
                var sequence = Store.NextSequence();
                var created = createdAt(i, sequence);
                var snapshot = new InstanceSnapshot
                {
                    Id = ScalewayIds.New(), Zone = zone, ProjectId = project, OrganizationId = Store.OrganizationOf(project),
                    CreatedAt = created, ModifiedAt = created, Sequence = sequence, Name = $"{namePrefix}{i:D3}", State = "available",
                    VolumeType = volume?.VolumeType ?? "l_ssd", Size = volume?.Size ?? DefaultSeedSize,
                    BaseVolume = volume is null ? null : (volume.Id, volume.Name), Tags = [.. tagList],
                };
                Store.AddInstanceSnapshot(snapshot);
                ids.Add(snapshot.Id);
            }

            return ids;
        }
    }

    public string AddBlockSnapshot(string zone, string name, string? volumeId = null, IEnumerable<string>? tags = null, string? projectId = null)
    {
        ScalewayZones.Require(ScalewayApi.Block, zone);
        lock (Store.Gate)
        {
            var project = ProjectOrDefault(projectId);
            var volume = volumeId is null ? null : RequireVolume(Store.BlockVolumes, volumeId, zone, project);
            var sequence = Store.NextSequence();
            var created = SeedDate(sequence);
            var snapshot = new BlockSnapshot
            {
                Id = ScalewayIds.New(), Zone = zone, ProjectId = project, OrganizationId = Store.OrganizationOf(project),
                CreatedAt = created, ModifiedAt = created, Sequence = sequence, Name = name, State = "available",
                Size = volume?.Size ?? DefaultSeedSize, ParentVolume = volume, Tags = tags?.ToList() ?? [],
            };
            Store.BlockSnapshots.Add(snapshot.Id, snapshot);
            return snapshot.Id;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> snapshots created, imported or exported (either API) fail: "error", or
    /// "invalid_data" for an instance import; a failed export writes no object.
    /// </summary>
    public void FailNextSnapshots(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Store.Gate)
        {
            Store.AddFailures(count);
        }
    }

    /// <summary>Removes the volume; its snapshots keep existing with base_volume null.</summary>
    public void DeleteInstanceVolume(string zone, string volumeId)
    {
        var id = RequireUuid(volumeId, nameof(volumeId));
        lock (Store.Gate)
        {
            if (!Store.InstanceVolumes.TryGetValue(id, out var volume) || volume.Zone != zone)
            {
                throw new ArgumentException($"No instance volume {volumeId} in {zone}.", nameof(volumeId));
            }

            Store.InstanceVolumes.Remove(id);
            foreach (var snapshot in Store.InstanceSnapshots.Values.Where(snapshot => snapshot.BaseVolume?.Id == id))
            {
                snapshot.BaseVolume = null;
            }
        }
    }

    public int InstanceSnapshotCount(string zone)
    {
        lock (Store.Gate)
        {
            return Store.InstanceSnapshots.Values.Count(snapshot => snapshot.Zone == zone);
        }
    }

    /// <summary>Block snapshots of the zone that are not deleted.</summary>
    public int BlockSnapshotCount(string zone)
    {
        lock (Store.Gate)
        {
            return Store.BlockSnapshots.Values.Count(snapshot => snapshot.Zone == zone && !snapshot.IsDeleted);
        }
    }

    internal ScalewayTenant? FindTenant(string secretKey) => Store.Tenants.GetValueOrDefault(secretKey);

    /// <summary>
    /// Seeded objects look historic: a day back, one second apart in creation order, so they sort before
    /// anything created through the API and never interleave between seeding calls.
    /// </summary>
    private DateTimeOffset SeedDate(long sequence) => Store.Now - TimeSpan.FromDays(1) + TimeSpan.FromSeconds(sequence);

    private string ProjectOrDefault(string? projectId) =>
        projectId is null ? DefaultProjectId : RequireUuid(projectId, nameof(projectId));

    private static T RequireVolume<T>(Dictionary<string, T> volumes, string volumeId, string zone, string project)
        where T : class
    {
        var id = RequireUuid(volumeId, nameof(volumeId));
        var volume = volumes.GetValueOrDefault(id);
        var (volumeZone, volumeProject) = volume switch
        {
            InstanceVolume instance => (instance.Zone, instance.ProjectId),
            BlockVolume block => (block.Zone, block.ProjectId),
            _ => ("", ""),
        };
        if (volume is null || volumeZone != zone || volumeProject != project)
        {
            throw new ArgumentException($"No volume {volumeId} in {zone} for project {project}.", nameof(volumeId));
        }

        return volume;
    }

    private static string RequireUuid(string value, string name) =>
        ScalewayIds.Normalize(value) ?? throw new ArgumentException($"'{value}' is not a UUID.", name);
}
