using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Outscale;

public sealed partial class OutscaleProvider
{
    private string? _accountId;

    /// <summary>
    /// ReadSnapshots answers with the account's own snapshots, those shared with it and public ones;
    /// the listing keeps the ones the query's owner asks for, by the account id ReadAccounts gives
    /// (asked once per connection).
    /// </summary>
    private async Task LimitToOwnerAsync(SnapshotFilters filters, SnapshotOwner owner, CancellationToken cancellationToken)
    {
        switch (owner)
        {
            case SnapshotOwner.Self:
                filters.AccountIds = new List<string> { await AccountIdAsync(cancellationToken).ConfigureAwait(false) };
                break;
            case SnapshotOwner.SharedWithMe:
                filters.PermissionsToCreateVolumeAccountIds = new List<string> { await AccountIdAsync(cancellationToken).ConfigureAwait(false) };
                break;
            case SnapshotOwner.Public:
                filters.PermissionsToCreateVolumeGlobalPermission = true;
                break;
        }
    }

    /// <summary>The id of the account the connection's access key belongs to.</summary>
    public async Task<string> AccountIdAsync(CancellationToken cancellationToken)
    {
        if (_accountId is { } known) return known;
        var reply = await _transport.CallAsync("ReadAccounts", new ReadAccountsRequest(),
            OutscaleJsonContext.Default.ReadAccountsRequest, OutscaleJsonContext.Default.ReadAccountsResponse, idempotent: true, cancellationToken).ConfigureAwait(false);
        return _accountId = reply.Accounts![0].AccountId!;
    }
}
