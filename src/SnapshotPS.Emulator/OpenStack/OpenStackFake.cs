using SnapshotPS.Emulator.OpenStack;
using SnapshotPS.Emulator.OpenStack.Cinder;
using SnapshotPS.Emulator.OpenStack.Identity;

namespace SnapshotPS.Emulator;

/// <summary>
/// The OpenStack fake's state (Keystone v3 and Cinder v3), arranged from tests or the admin surface.
/// Methods are thread-safe; bad arguments throw ArgumentException. Projects, users and domains are named by id or name.
/// </summary>
public sealed partial class OpenStackFake
{
    public const string DefaultDomainId = "default";
    public const string DefaultDomainName = "Default";
    public const string DemoProjectId = "a6944d763bf64ee6a275f1263fae0352";
    public const string DemoProjectName = "demo";
    public const string AdminProjectId = "0e4cd3b6fd5f4c38b4e1e0ec2b5ac6f1";
    public const string AdminProjectName = "admin";
    public const string DemoUserId = "ee4dfb6e5540447cb3741905149d9b6e";
    public const string DemoUserName = "demo";
    public const string DemoPassword = "demo-password";
    public const string AdminUserId = "c853ca26e8ea47978a52ee124a013d0e";
    public const string AdminUserName = "admin";
    public const string AdminPassword = "admin-password";
    public const string DemoApplicationCredentialId = "423f19a4ac1e4f48bbb4180756e6eb6c";
    public const string DemoApplicationCredentialName = "snapshotps";
    public const string DemoApplicationCredentialSecret = "emulator-app-credential-secret";
    public const string RegionOne = "RegionOne";
    public const string RegionTwo = "RegionTwo";

    /// <summary>The regions the catalog lists, each with its own Cinder.</summary>
    public static IReadOnlyList<string> Regions { get; } = [RegionOne, RegionTwo];

    private readonly TimeProvider _time;

    internal OpenStackFake(OpenStackTimings timings, TimeProvider time)
    {
        Timings = timings;
        _time = time;
        Identity.Domains[DefaultDomainId] = new KeystoneDomain(DefaultDomainId, DefaultDomainName, true);
        AddProject(DemoProjectName, DefaultDomainId, DemoProjectId);
        AddProject(AdminProjectName, DefaultDomainId, AdminProjectId);
        AddUser(DemoUserName, DemoPassword, DefaultDomainId, DemoUserId, DemoProjectId);
        AddUser(AdminUserName, AdminPassword, DefaultDomainId, AdminUserId, AdminProjectId);
        AssignProjectRole(DemoUserId, DemoProjectId, "member");
        AssignProjectRole(DemoUserId, DemoProjectId, "reader");
        AssignProjectRole(AdminUserId, AdminProjectId, "admin");
        AssignProjectRole(AdminUserId, DemoProjectId, "admin");
        AssignSystemRole(AdminUserId, "admin");
        AddApplicationCredential(DemoUserId, DemoApplicationCredentialName, DemoApplicationCredentialSecret, DemoApplicationCredentialId);
    }

    public OpenStackTimings Timings { get; }

    /// <summary>Which Cinder service types the catalog lists, in order (default block-storage, then volumev3 as devstack registers it).</summary>
    public IReadOnlyList<string> CatalogServiceTypes { get; private set; } = ["block-storage", "volumev3"];

    /// <summary>When false, Cinder endpoint URLs end at ".../v3" and clients must send microversion 3.67 or later.</summary>
    public bool CatalogProjectIdInUrl { get; private set; } = true;

    internal object Gate { get; } = new();

    internal IdentityStore Identity { get; } = new();

    internal CinderStore Cinder { get; } = new();

    internal DateTimeOffset Now => _time.GetUtcNow();

    public void SetCatalog(IReadOnlyList<string>? serviceTypes = null, bool? projectIdInUrl = null)
    {
        var types = serviceTypes?.ToList();
        if (types is not null && (types.Count == 0 || types.Any(string.IsNullOrWhiteSpace)))
        {
            throw new ArgumentException("Give at least one service type, none empty.", nameof(serviceTypes));
        }

        lock (Gate)
        {
            CatalogServiceTypes = types ?? CatalogServiceTypes;
            CatalogProjectIdInUrl = projectIdInUrl ?? CatalogProjectIdInUrl;
        }
    }

    /// <summary>The next creates end in "error" and the next deletes in "error_deleting".</summary>
    public void FailNext(int creates, int deletes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(creates);
        ArgumentOutOfRangeException.ThrowIfNegative(deletes);
        lock (Gate)
        {
            Cinder.CreateFailures += creates;
            Cinder.DeleteFailures += deletes;
        }
    }

    /// <summary>Cinder quotas of a project (applied in each region): -1 is unlimited, the default here.</summary>
    public void SetQuota(string project, int snapshots, int gigabytes)
    {
        if (snapshots < -1 || gigabytes < -1) throw new ArgumentException("A quota is -1 (unlimited) or a count.");
        lock (Gate)
        {
            Cinder.Quotas[RequireProject(project).Id] = (snapshots, gigabytes);
        }
    }

    /// <summary>Ends every live token now (of one user, when given): Cinder then answers 401; returns how many.</summary>
    public int ExpireTokens(string? user = null) => ChangeTokens(user, token => token.ExpiresAt = Now);

    /// <summary>Revokes every live token (of one user, when given); returns how many.</summary>
    public int RevokeTokens(string? user = null) => ChangeTokens(user, token => token.Revoked = true);

    /// <summary>Snapshots of a region (every project), whatever their status.</summary>
    public int SnapshotCount(string region = RegionOne)
    {
        lock (Gate)
        {
            Cinder.Settle(Now);
            return Cinder.Order.In(region, null).Count;
        }
    }

    /// <summary>The snapshot's status, or null when it is gone.</summary>
    public string? SnapshotStatus(string snapshotId)
    {
        lock (Gate)
        {
            Cinder.Settle(Now);
            return Cinder.Snapshots.GetValueOrDefault(snapshotId)?.Status;
        }
    }

    private int ChangeTokens(string? user, Action<IssuedToken> change)
    {
        lock (Gate)
        {
            var userId = user is null ? null : RequireUser(user).Id;
            var tokens = Identity.LiveTokens(userId, Now);
            tokens.ForEach(change);
            return tokens.Count;
        }
    }
}
