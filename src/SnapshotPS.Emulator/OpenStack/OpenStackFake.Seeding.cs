using SnapshotPS.Emulator.OpenStack;
using SnapshotPS.Emulator.OpenStack.Cinder;
using SnapshotPS.Emulator.OpenStack.Identity;

namespace SnapshotPS.Emulator;

public sealed partial class OpenStackFake
{
    public string AddDomain(string name, string? id = null, bool enabled = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (Gate)
        {
            id ??= OpenStackIds.NewHex();
            if (Identity.Domains.ContainsKey(id) || Identity.Domains.Values.Any(domain => domain.Name == name))
                throw new ArgumentException($"A domain '{name}' or '{id}' exists already.", nameof(name));
            Identity.Domains[id] = new KeystoneDomain(id, name, enabled);
            return id;
        }
    }

    /// <summary>A project in a domain (given by id or name); returns its id.</summary>
    public string AddProject(string name, string domain = DefaultDomainId, string? id = null, bool enabled = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (Gate)
        {
            var domainId = RequireDomain(domain).Id;
            id ??= OpenStackIds.NewHex();
            if (Identity.Projects.ContainsKey(id) || Identity.FindProject(null, name, domainId) is not null)
                throw new ArgumentException($"A project '{name}' or '{id}' exists already in that domain.", nameof(name));
            Identity.Projects[id] = new KeystoneProject(id, name, domainId, enabled);
            return id;
        }
    }

    /// <summary>A user of a domain with a password and, optionally, a default project; returns its id.</summary>
    public string AddUser(string name, string password, string domain = DefaultDomainId, string? id = null, string? defaultProject = null,
        bool enabled = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(password);
        lock (Gate)
        {
            var domainId = RequireDomain(domain).Id;
            id ??= OpenStackIds.NewHex();
            if (Identity.Users.ContainsKey(id) || Identity.FindUser(null, name, domainId) is not null)
                throw new ArgumentException($"A user '{name}' or '{id}' exists already in that domain.", nameof(name));
            var project = defaultProject is null ? null : RequireProject(defaultProject).Id;
            Identity.Users[id] = new KeystoneUser(id, name, domainId, password, enabled, project);
            return id;
        }
    }

    public void AssignProjectRole(string user, string project, string role) =>
        Assign(user, role, () => (RequireProject(project).Id, null));

    public void AssignDomainRole(string user, string domain, string role) =>
        Assign(user, role, () => (null, RequireDomain(domain).Id));

    public void AssignSystemRole(string user, string role) => Assign(user, role, () => (null, null));

    /// <summary>
    /// An application credential of the user for a project (the user's default project when null) with the
    /// user's roles there (or the roles given); returns its id. The secret is random when null.
    /// </summary>
    public (string Id, string Secret) AddApplicationCredential(string user, string name, string? secret = null, string? id = null,
        string? project = null, IReadOnlyList<string>? roles = null, DateTimeOffset? expiresAt = null, bool restricted = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (Gate)
        {
            var owner = RequireUser(user);
            var projectId = project is null
                ? owner.DefaultProjectId ?? throw new ArgumentException($"User '{user}' has no default project: name one.", nameof(project))
                : RequireProject(project).Id;
            id ??= OpenStackIds.NewHex();
            secret ??= OpenStackIds.NewAuditId() + OpenStackIds.NewAuditId();
            if (Identity.ApplicationCredentials.ContainsKey(id) ||
                Identity.ApplicationCredentials.Values.Any(credential => credential.UserId == owner.Id && credential.Name == name))
                throw new ArgumentException($"Application credential '{name}' or '{id}' exists already for that user.", nameof(name));
            var granted = roles?.ToList() ?? Identity.RolesOnProject(owner.Id, projectId);
            Identity.ApplicationCredentials[id] = new ApplicationCredential(id, name, secret, owner.Id, projectId, granted, expiresAt, restricted);
            return (id, secret);
        }
    }

    /// <summary>A volume of a project in a region; returns its id.</summary>
    public string AddVolume(string project = DemoProjectId, string region = RegionOne, string name = "data-volume", int sizeGiB = 10,
        string status = "available")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeGiB);
        RequireRegion(region);
        lock (Gate)
        {
            var volume = new CinderVolume
            {
                Id = OpenStackIds.NewUuid(), Region = region, ProjectId = RequireProject(project).Id, Name = name, SizeGiB = sizeGiB, Status = status,
            };
            Cinder.Volumes[volume.Id] = volume;
            return volume.Id;
        }
    }

    /// <summary>
    /// Adds snapshots of an existing volume, named namePrefix + 0001, 0002, ..., created a day back one second
    /// apart (oldest first), so they sort before anything created through the API. Cost grows with count only.
    /// </summary>
    public IReadOnlyList<string> SeedSnapshots(string volumeId, int count, string namePrefix = "seed-", string status = "available",
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Gate)
        {
            var volume = Cinder.Volumes.GetValueOrDefault(volumeId) ?? throw new ArgumentException($"No volume {volumeId}.", nameof(volumeId));
            var ownerId = Identity.Assignments.FirstOrDefault(a => a.ProjectId == volume.ProjectId)?.UserId ?? DemoUserId;
            var ids = new List<string>(count);
            for (var i = 1; i <= count; i++)
            {
                var created = Now - TimeSpan.FromDays(1) + TimeSpan.FromSeconds(++Cinder.Sequence);
                var snapshot = new CinderSnapshot
                {
                    Id = OpenStackIds.NewUuid(), Region = volume.Region, ProjectId = volume.ProjectId, UserId = ownerId, VolumeId = volume.Id,
                    SizeGiB = volume.SizeGiB, CreatedAt = created, Name = $"{namePrefix}{i:D4}", Status = status,
                    Metadata = metadata is null ? new(StringComparer.Ordinal) : new(metadata, StringComparer.Ordinal),
                };
                Cinder.Add(snapshot);
                ids.Add(snapshot.Id);
            }

            return ids;
        }
    }

    internal static void RequireRegion(string region)
    {
        if (!Regions.Contains(region)) throw new ArgumentException($"Unknown region '{region}'; the fake serves {string.Join(", ", Regions)}.", nameof(region));
    }

    private void Assign(string user, string role, Func<(string? ProjectId, string? DomainId)> target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        lock (Gate)
        {
            var userId = RequireUser(user).Id;
            var (projectId, domainId) = target();
            Identity.Assignments.Add(new RoleAssignment(userId, projectId, domainId, role));
        }
    }

    private KeystoneDomain RequireDomain(string domain) =>
        Identity.FindDomain(domain, null) ?? Identity.FindDomain(null, domain) ?? throw new ArgumentException($"No domain '{domain}'.", nameof(domain));

    /// <summary>By id, else by a name that only one project has.</summary>
    private KeystoneProject RequireProject(string project)
    {
        if (Identity.Projects.GetValueOrDefault(project) is { } byId) return byId;
        var named = Identity.Projects.Values.Where(candidate => candidate.Name == project).ToList();
        return named.Count == 1 ? named[0] : throw new ArgumentException($"No single project '{project}'; give its id.", nameof(project));
    }

    /// <summary>By id, else by a name that only one user has.</summary>
    private KeystoneUser RequireUser(string user)
    {
        if (Identity.Users.GetValueOrDefault(user) is { } byId) return byId;
        var named = Identity.Users.Values.Where(candidate => candidate.Name == user).ToList();
        return named.Count == 1 ? named[0] : throw new ArgumentException($"No single user '{user}'; give its id.", nameof(user));
    }
}
