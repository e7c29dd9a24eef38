using System.Collections.Generic;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>The body of POST /v3/auth/tokens for a password or an application credential (reference A.1).</summary>
internal static class KeystoneAuthBody
{
    public static AuthRequestBody For(OpenStackConnectionSettings settings) =>
        new() { Auth = settings.UsesApplicationCredential ? ApplicationCredential(settings) : Password(settings) };

    private static AuthBody Password(OpenStackConnectionSettings s) => new()
    {
        Identity = new IdentityBody
        {
            Methods = new List<string> { "password" },
            Password = new PasswordMethod { User = User(s, s.Password!.Reveal()) },
        },
        Scope = s.ProjectId is not null ? new ScopeBody { Project = new NamedRef { Id = s.ProjectId } }
            : s.ProjectName is not null ? new ScopeBody { Project = new NamedRef { Name = s.ProjectName, Domain = Domain(s.ProjectDomainId, s.ProjectDomainName) } }
            : s.DomainId is not null || s.DomainName is not null ? new ScopeBody { Domain = Domain(s.DomainId, s.DomainName) }
            : null,
    };

    // Never a scope: the credential carries its project, and Keystone refuses one (401).
    private static AuthBody ApplicationCredential(OpenStackConnectionSettings s) => new()
    {
        Identity = new IdentityBody
        {
            Methods = new List<string> { "application_credential" },
            ApplicationCredential = s.ApplicationCredentialId is not null
                ? new ApplicationCredentialMethod { Id = s.ApplicationCredentialId, Secret = s.ApplicationCredentialSecret!.Reveal() }
                : new ApplicationCredentialMethod { Name = s.ApplicationCredentialName, Secret = s.ApplicationCredentialSecret!.Reveal(), User = User(s, null) },
        },
    };

    private static UserRef User(OpenStackConnectionSettings s, string? password) => s.UserId is not null
        ? new UserRef { Id = s.UserId, Password = password }
        : new UserRef { Name = s.Username, Domain = Domain(s.UserDomainId, s.UserDomainName), Password = password };

    private static NamedRef Domain(string? id, string? name) => id is not null ? new NamedRef { Id = id } : new NamedRef { Name = name };
}
