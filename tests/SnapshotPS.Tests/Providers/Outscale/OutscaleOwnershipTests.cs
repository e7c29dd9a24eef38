using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers.Outscale;

/// <summary>
/// ReadSnapshots shows another account's shared and public snapshots too: a listing keeps the
/// connection's own unless asked for more, by the account id that ReadAccounts gives.
/// </summary>
public class OutscaleOwnershipTests : IClassFixture<EmulatorFixture>
{
    private const string TheirAccessKey = "AKOWNERSHIPOTHER0001";
    private const string TheirSecretKey = "SKOWNERSHIPOTHER000000000000000000000001";
    private const string TheirAccount = "345678901234";
    private readonly EmulatorFixture _emulator;

    public OutscaleOwnershipTests(EmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Outscale.AddAccount(TheirAccessKey, TheirSecretKey, TheirAccount);
    }

    private async Task<(string Own, string Shared, string Public, string Private)> SeedAsync()
    {
        var own = _emulator.Outscale.SeedSnapshots(1)[0];
        var theirs = _emulator.Outscale.SeedSnapshots(3, accountId: TheirAccount);
        using var them = new OutscaleProvider(_emulator.OutscaleSettings(TheirAccessKey, TheirSecretKey), "them");
        await them.ChangePermissionsAsync(new SnapshotLocator(theirs[0]), new PermissionChange(true, [OutscaleFake.DefaultAccountId], @public: false), CancellationToken.None);
        await them.ChangePermissionsAsync(new SnapshotLocator(theirs[1]), new PermissionChange(true, [], @public: true), CancellationToken.None);
        return (own, theirs[0], theirs[1], theirs[2]);
    }

    private static async Task<List<string>> IdsAsync(OutscaleProvider provider, SnapshotOwner owner)
    {
        var ids = new List<string>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(new SnapshotQuery { Owner = owner }, CancellationToken.None)) ids.Add(snapshot.Id);
        return ids;
    }

    [Fact]
    public async Task A_listing_holds_the_accounts_own_snapshots_unless_asked_for_more()
    {
        var (own, shared, @public, @private) = await SeedAsync();
        using var provider = _emulator.OutscaleProvider();

        var self = await IdsAsync(provider, SnapshotOwner.Self);
        var sharedWithMe = await IdsAsync(provider, SnapshotOwner.SharedWithMe);
        var publicOnes = await IdsAsync(provider, SnapshotOwner.Public);
        var any = await IdsAsync(provider, SnapshotOwner.Any);

        Assert.Contains(own, self);
        Assert.DoesNotContain(shared, self);
        Assert.DoesNotContain(@public, self);
        Assert.Equal([shared], sharedWithMe.Intersect([own, shared, @public, @private]));
        Assert.Equal([@public], publicOnes.Intersect([own, shared, @public, @private]));
        Assert.Equal(new[] { own, shared, @public }.Order(StringComparer.Ordinal), any.Intersect([own, shared, @public, @private]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_account_id_is_read_once_per_connection()
    {
        await SeedAsync();
        using var provider = _emulator.OutscaleProvider();
        _emulator.Host.Requests.Clear();

        await IdsAsync(provider, SnapshotOwner.Self);
        await IdsAsync(provider, SnapshotOwner.SharedWithMe);

        Assert.Equal(OutscaleFake.DefaultAccountId, await provider.AccountIdAsync(CancellationToken.None));
        Assert.Equal(1, _emulator.Host.Requests.Count("outscale", "POST", "/ReadAccounts"));
    }

    [Fact]
    public async Task A_snapshot_named_by_id_is_read_whoever_owns_it()
    {
        var (_, shared, _, _) = await SeedAsync();
        using var provider = _emulator.OutscaleProvider();

        var read = await provider.GetSnapshotAsync(new SnapshotLocator(shared), CancellationToken.None);

        Assert.Equal(TheirAccount, read.Owner);
    }
}
