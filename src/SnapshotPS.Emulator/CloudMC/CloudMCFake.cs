using SnapshotPS.Emulator.CloudMC;

namespace SnapshotPS.Emulator;

/// <summary>The CloudMC fake's state, arranged from tests. Methods are thread-safe; bad arguments throw ArgumentException.</summary>
public sealed class CloudMCFake
{
    public const string DefaultApiKey = "cloudmc-emulator-api-key-0000000000000000";
    public const string DefaultOrganizationId = "7a0c6b7e-0000-4000-8000-00000000c10d";
    public const string DefaultServiceCode = "compute-on";
    public const string DefaultEnvironment = "test_area";

    internal CloudMCFake(CloudMCTimings timings, TimeProvider time)
    {
        Timings = timings;
        Store = new CloudMCStore(time);
        Store.Organizations[DefaultOrganizationId] = new CloudMCOrganization(DefaultOrganizationId, null);
        Store.ApiKeys[DefaultApiKey] = DefaultOrganizationId;
        Store.Environments.Add(CloudMCEnvironmentKey.Of(DefaultOrganizationId, DefaultServiceCode, DefaultEnvironment));
    }

    public CloudMCTimings Timings { get; }

    public CloudMCDialect Dialect { get; } = new();

    internal CloudMCStore Store { get; }

    /// <summary>A sub-organization of <paramref name="parentId"/> (the default organization when null); returns its id.</summary>
    public string AddOrganization(string? parentId = null, string? apiKey = null)
    {
        lock (Store.Gate)
        {
            var parent = parentId ?? DefaultOrganizationId;
            if (!Store.Organizations.ContainsKey(parent)) throw new ArgumentException($"No organization {parent}.", nameof(parentId));
            var id = Guid.NewGuid().ToString();
            Store.Organizations[id] = new CloudMCOrganization(id, parent);
            if (apiKey is not null) Store.ApiKeys[RequireText(apiKey, nameof(apiKey))] = id;
            return id;
        }
    }

    public void AddEnvironment(string name, string serviceCode = DefaultServiceCode, string? organizationId = null)
    {
        lock (Store.Gate)
        {
            Store.Environments.Add(CloudMCEnvironmentKey.Of(Organization(organizationId), RequireText(serviceCode, nameof(serviceCode)), RequireText(name, nameof(name))));
        }
    }

    /// <summary>A volume of an instance; only a Ready one can be snapshotted.</summary>
    public string AddVolume(string environment = DefaultEnvironment, string name = "DATA-1", string state = "Ready", string instanceName = "i-emulator-1",
        string type = "DATADISK", string serviceCode = DefaultServiceCode, string? organizationId = null)
    {
        lock (Store.Gate)
        {
            var volume = new CloudMCVolume
            {
                Id = Guid.NewGuid().ToString(), Environment = Environment(environment, serviceCode, organizationId),
                Name = RequireText(name, nameof(name)), InstanceName = RequireText(instanceName, nameof(instanceName)), Type = type, State = state,
            };
            Store.Volumes.Add(volume.Id, volume);
            return volume.Id;
        }
    }

    public void SetVolumeState(string volumeId, string state)
    {
        lock (Store.Gate)
        {
            (Store.Volumes.GetValueOrDefault(volumeId) ?? throw new ArgumentException($"No volume {volumeId}.", nameof(volumeId))).State = state;
        }
    }

    /// <summary>Adds BackedUp snapshots of the volume named namePrefix + 001, 002, ...; returns their ids in creation order.</summary>
    public IReadOnlyList<string> SeedSnapshots(string volumeId, int count, string namePrefix = "seed-")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Store.Gate)
        {
            var volume = Store.Volumes.GetValueOrDefault(volumeId) ?? throw new ArgumentException($"No volume {volumeId}.", nameof(volumeId));
            var ids = new List<string>(count);
            var settled = Store.Now;
            for (var i = 1; i <= count; i++)
            {
                var name = $"{namePrefix}{i:D3}";
                if (Store.IsNameTaken(volume.Environment, name)) throw new ArgumentException($"A snapshot named {name} exists already.", nameof(namePrefix));
                var snapshot = new CloudMCSnapshot
                {
                    Id = Guid.NewGuid().ToString(), Environment = volume.Environment, Name = name, Volume = volume,
                    Sequence = Store.NextSequence(), CreatingUntil = settled, BackingUpUntil = settled,
                };
                Store.Add(snapshot, listNow: true);
                ids.Add(snapshot.Id);
            }

            return ids;
        }
    }

    /// <summary>The next <paramref name="count"/> snapshots created end in Error, their tasks in the dialect's failure status.</summary>
    public void FailNextSnapshots(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Store.Gate)
        {
            Store.AddFailures(count);
        }
    }

    /// <summary>Snapshots of an environment that still exist (Destroying ones included).</summary>
    public int SnapshotCount(string environment = DefaultEnvironment, string serviceCode = DefaultServiceCode, string? organizationId = null)
    {
        lock (Store.Gate)
        {
            Store.Settle(Timings.TaskRetention);
            var key = Environment(environment, serviceCode, organizationId);
            return Store.Snapshots.Values.Count(snapshot => snapshot.Environment == key);
        }
    }

    public string? SnapshotState(string snapshotId)
    {
        lock (Store.Gate)
        {
            Store.Settle(Timings.TaskRetention);
            return Store.Snapshots.GetValueOrDefault(snapshotId)?.StateAt(Store.Now);
        }
    }

    private CloudMCEnvironmentKey Environment(string name, string serviceCode, string? organizationId)
    {
        var key = CloudMCEnvironmentKey.Of(Organization(organizationId), serviceCode, name);
        return Store.Environments.Contains(key) ? key : throw new ArgumentException($"No environment {name} of service {serviceCode}; add it first.", nameof(name));
    }

    private string Organization(string? organizationId)
    {
        var id = organizationId ?? DefaultOrganizationId;
        return Store.Organizations.ContainsKey(id) ? id : throw new ArgumentException($"No organization {id}.", nameof(organizationId));
    }

    private static string RequireText(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A value is required.", name) : value;
}
