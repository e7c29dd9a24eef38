namespace SnapshotPS.Emulator.OpenStack.Identity;

internal sealed record KeystoneDomain(string Id, string Name, bool Enabled);

internal sealed record KeystoneProject(string Id, string Name, string DomainId, bool Enabled);

internal sealed record KeystoneUser(string Id, string Name, string DomainId, string Password, bool Enabled, string? DefaultProjectId);

/// <summary>A role a user holds on a project, on a domain, or on the system (both ids null).</summary>
internal sealed record RoleAssignment(string UserId, string? ProjectId, string? DomainId, string Role);

internal sealed record ApplicationCredential(
    string Id, string Name, string Secret, string UserId, string ProjectId, IReadOnlyList<string> Roles, DateTimeOffset? ExpiresAt, bool Restricted);

/// <summary>What a token stands for. Scope: a project, a domain, the system, or none (unscoped).</summary>
internal sealed class IssuedToken
{
    public required string Value { get; init; }

    public required KeystoneUser User { get; init; }

    public KeystoneProject? Project { get; init; }

    public KeystoneDomain? Domain { get; init; }

    public bool System { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public required IReadOnlyList<string> Methods { get; init; }

    public ApplicationCredential? ApplicationCredential { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; set; }

    public bool Revoked { get; set; }

    public required string AuditId { get; init; }

    public bool IsAdmin => Roles.Contains("admin", StringComparer.OrdinalIgnoreCase);

    public bool IsValidAt(DateTimeOffset now) => !Revoked && now < ExpiresAt;
}
