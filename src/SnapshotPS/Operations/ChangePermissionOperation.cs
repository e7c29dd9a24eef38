using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

public sealed class ChangePermissionRequest
{
    public SnapshotTarget Target { get; init; } = new();
    public IReadOnlyList<string> AccountIds { get; init; } = new string[0];
    public bool Public { get; init; }
    public bool PassThru { get; init; }
}

/// <summary>Grant- and Revoke-CloudSnapshotPermission: who may create volumes from a snapshot.</summary>
public sealed class ChangePermissionOperation : SnapshotOperation
{
    private readonly bool _grant;

    public ChangePermissionOperation(ConnectionRegistry connections, ICmdletContext context, bool grant)
        : base(connections, context, grant ? "GrantCloudSnapshotPermission" : "RevokeCloudSnapshotPermission")
    {
        _grant = grant;
    }

    public Task ProcessAsync(ChangePermissionRequest request, CancellationToken cancellationToken) =>
        ForItemAsync(request.Target.InputObject ?? (object?)request.Target.Id, async () =>
        {
            if (request.AccountIds.Count == 0 && !request.Public)
                throw InputValidation.Invalid("AccountId", "name at least one account id, or -Public.");
            var (connection, provider, locator) = request.Target.Resolve(Connections);
            provider.Require(ProviderCapabilities.Permissions);
            var change = new PermissionChange(_grant, request.AccountIds, request.Public);
            provider.Validate(locator, change);
            var who = request.Public ? (request.AccountIds.Count == 0 ? "everyone" : "everyone and " + string.Join(", ", request.AccountIds)) : string.Join(", ", request.AccountIds);
            var action = _grant ? $"Allow {who} to create volumes from snapshot" : $"Stop {who} from creating volumes from snapshot";
            if (!Context.ShouldProcess(request.Target.Describe(connection.Name), action)) return;

            var updated = await provider.ChangePermissionsAsync(locator, change, cancellationToken);
            if (request.PassThru) Context.WriteObject(updated);
        }, cancellationToken);
}
