using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Outscale.Api;

/// <summary>
/// ReadAccounts: the caller's own account, how a client learns its account id (the spec's
/// ReadAccountsResponse: Accounts[] of Account). UNVERIFIED: which of the Account members a real
/// answer fills; the fake gives the id and neutral contact fields.
/// </summary>
internal static class AccountRead
{
    public static OperationOutcome Read(OutscaleCall call)
    {
        if (call.SchemaError() is { } invalid)
        {
            return invalid;
        }

        if (call.DryRun)
        {
            return OperationOutcome.Empty;
        }

        var account = new JsonObject
        {
            ["AccountId"] = call.Account.AccountId,
            ["CustomerId"] = call.Account.AccountId,
            ["Email"] = $"account-{call.Account.AccountId}@emulator.invalid",
            ["CompanyName"] = "SnapshotPS emulator",
        };
        return new JsonObject { ["Accounts"] = new JsonArray(account) };
    }
}
