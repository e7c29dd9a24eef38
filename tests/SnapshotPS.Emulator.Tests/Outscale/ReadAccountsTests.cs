namespace SnapshotPS.Emulator.Tests.Outscale;

/// <summary>ReadAccounts: how a client learns the id of the account its access key belongs to.</summary>
public sealed class ReadAccountsTests : OutscaleTestBase
{
    [Fact]
    public async Task Each_access_key_reads_its_own_account()
    {
        var mine = await OkAsync("ReadAccounts");
        var theirs = await OkAsync("ReadAccounts", "{}", SecondAccount());

        Assert.Equal(OutscaleFake.DefaultAccountId, mine.GetProperty("Accounts")[0].GetProperty("AccountId").GetString());
        Assert.Equal(1, mine.GetProperty("Accounts").GetArrayLength());
        Assert.Equal(SecondAccountId, theirs.GetProperty("Accounts")[0].GetProperty("AccountId").GetString());
    }

    [Fact]
    public async Task DryRun_answers_only_the_response_context_and_an_unknown_member_is_3001()
    {
        var dry = await OkAsync("ReadAccounts", """{"DryRun":true}""");

        Assert.Equal(["ResponseContext"], dry.EnumerateObject().Select(member => member.Name).ToArray());
        await AssertErrorAsync("ReadAccounts", """{"AccountId":"123456789012"}""", 400, "3001", "InvalidParameter");
    }
}
