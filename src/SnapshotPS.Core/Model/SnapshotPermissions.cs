using System.Collections.Generic;
using System.Linq;

namespace SnapshotPS.Core.Model;

/// <summary>Who besides the owner may create volumes from a snapshot.</summary>
public sealed class SnapshotPermissions
{
    public SnapshotPermissions(bool isPublic, IEnumerable<string> accountIds)
    {
        IsPublic = isPublic;
        AccountIds = accountIds.ToList();
    }

    public bool IsPublic { get; }
    public IReadOnlyList<string> AccountIds { get; }

    public override string ToString()
    {
        var shared = AccountIds.Count == 0 ? null : "shared with " + string.Join(", ", AccountIds);
        return IsPublic ? (shared is null ? "public" : "public; " + shared) : shared ?? "private";
    }
}

/// <summary>A change to a snapshot's sharing: accounts and the public flag to grant or revoke.</summary>
public sealed class PermissionChange
{
    public PermissionChange(bool grant, IReadOnlyList<string> accountIds, bool @public)
    {
        Grant = grant;
        AccountIds = accountIds;
        Public = @public;
    }

    public bool Grant { get; }
    public IReadOnlyList<string> AccountIds { get; }
    public bool Public { get; }
}
