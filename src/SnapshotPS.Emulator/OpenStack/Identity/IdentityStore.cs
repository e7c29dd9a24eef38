namespace SnapshotPS.Emulator.OpenStack.Identity;

/// <summary>Keystone's data: domains, projects, users, role assignments, application credentials, tokens. Callers hold the fake's gate.</summary>
internal sealed class IdentityStore
{
    private readonly Dictionary<string, string> _roleIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["admin"] = "51cc68287d524c759f47c811e6463340",
        ["member"] = "9fe2ff9ee4384b1894a90878d3e92bab",
        ["reader"] = "f1e3a0a2b5c94a0c8e0d6c2b7a9f3e11",
    };

    public Dictionary<string, KeystoneDomain> Domains { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, KeystoneProject> Projects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, KeystoneUser> Users { get; } = new(StringComparer.Ordinal);

    public List<RoleAssignment> Assignments { get; } = [];

    public Dictionary<string, ApplicationCredential> ApplicationCredentials { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IssuedToken> Tokens { get; } = new(StringComparer.Ordinal);

    public string RoleId(string role)
    {
        if (!_roleIds.TryGetValue(role, out var id))
        {
            _roleIds[role] = id = OpenStackIds.NewHex();
        }

        return id;
    }

    public KeystoneDomain? FindDomain(string? id, string? name) =>
        id is not null ? Domains.GetValueOrDefault(id) : Domains.Values.FirstOrDefault(domain => domain.Name == name);

    /// <summary>By id, or by name within the domain.</summary>
    public KeystoneProject? FindProject(string? id, string? name, string? domainId) => id is not null
        ? Projects.GetValueOrDefault(id)
        : Projects.Values.FirstOrDefault(project => project.Name == name && project.DomainId == domainId);

    /// <summary>By id, or by name within the domain.</summary>
    public KeystoneUser? FindUser(string? id, string? name, string? domainId) => id is not null
        ? Users.GetValueOrDefault(id)
        : Users.Values.FirstOrDefault(user => user.Name == name && user.DomainId == domainId);

    public List<string> RolesOnProject(string userId, string projectId) =>
        Assignments.Where(a => a.UserId == userId && a.ProjectId == projectId).Select(a => a.Role).Distinct().ToList();

    public List<string> RolesOnDomain(string userId, string domainId) =>
        Assignments.Where(a => a.UserId == userId && a.DomainId == domainId).Select(a => a.Role).Distinct().ToList();

    public List<string> SystemRoles(string userId) =>
        Assignments.Where(a => a.UserId == userId && a.ProjectId is null && a.DomainId is null).Select(a => a.Role).Distinct().ToList();

    public IssuedToken? ValidToken(string? value, DateTimeOffset now) =>
        value is not null && Tokens.TryGetValue(value, out var token) && token.IsValidAt(now) ? token : null;

    /// <summary>Tokens of one user (or every token when userId is null) that are still valid.</summary>
    public List<IssuedToken> LiveTokens(string? userId, DateTimeOffset now) =>
        Tokens.Values.Where(token => token.IsValidAt(now) && (userId is null || token.User.Id == userId)).ToList();
}
