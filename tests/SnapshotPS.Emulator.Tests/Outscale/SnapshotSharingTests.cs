namespace SnapshotPS.Emulator.Tests.Outscale;

public sealed class SnapshotSharingTests : OutscaleTestBase
{
    [Fact]
    public async Task A_second_account_sees_a_snapshot_after_additions_and_not_after_removals()
    {
        var second = SecondAccount();
        var id = Outscale.SeedSnapshots(1).Single();

        var before = await ReadSnapshotIdsAsync(client: second);
        var added = await OkAsync("UpdateSnapshot", UpdateBody(id, "Additions", Accounts(SecondAccountId)));
        var whileShared = await ReadSnapshotIdsAsync(client: second);
        var sharedWith = Outscale.SnapshotIdsSharedWith(SecondAccountId);
        await OkAsync("UpdateSnapshot", UpdateBody(id, "Removals", Accounts(SecondAccountId)));
        var after = await ReadSnapshotIdsAsync(client: second);

        Assert.Empty(before);
        Assert.Equal([SecondAccountId], added.GetProperty("Snapshot").GetProperty("PermissionsToCreateVolume").GetProperty("AccountIds")
            .EnumerateArray().Select(account => account.GetString()));
        Assert.Equal([id], whileShared);
        Assert.Equal([id], sharedWith);
        Assert.Empty(after);
        Assert.Empty(Outscale.SnapshotIdsSharedWith(SecondAccountId));
    }

    [Fact]
    public async Task Global_permission_makes_a_snapshot_public_and_its_removal_private_again()
    {
        var second = SecondAccount();
        var id = Outscale.SeedSnapshots(1).Single();

        var made = await OkAsync("UpdateSnapshot", UpdateBody(id, "Additions", """{"GlobalPermission":true}"""));
        var whilePublic = await ReadSnapshotIdsAsync(client: second);
        await OkAsync("UpdateSnapshot", UpdateBody(id, "Removals", """{"GlobalPermission":true}"""));
        var afterwards = await ReadSnapshotIdsAsync(client: second);

        Assert.True(made.GetProperty("Snapshot").GetProperty("PermissionsToCreateVolume").GetProperty("GlobalPermission").GetBoolean());
        Assert.Equal([id], whilePublic);
        Assert.Empty(afterwards);
    }

    [Fact]
    public async Task Update_answers_the_whole_updated_snapshot()
    {
        var id = Outscale.SeedSnapshots(1, description: "shared one").Single();

        var body = await OkAsync("UpdateSnapshot", UpdateBody(id, "Additions", Accounts(SecondAccountId, "111111111111")));

        var snapshot = body.GetProperty("Snapshot");
        Assert.Equal(id, snapshot.GetProperty("SnapshotId").GetString());
        Assert.Equal("shared one", snapshot.GetProperty("Description").GetString());
        Assert.Equal("completed", State(snapshot));
        Assert.Equal(2, snapshot.GetProperty("PermissionsToCreateVolume").GetProperty("AccountIds").GetArrayLength());
    }

    [Fact]
    public async Task Additions_and_removals_together_are_3002_and_neither_is_7000()
    {
        var id = Outscale.SeedSnapshots(1).Single();

        await AssertErrorAsync("UpdateSnapshot",
            $$"""{"SnapshotId":"{{id}}","PermissionsToCreateVolume":{"Additions":{"GlobalPermission":true},"Removals":{"GlobalPermission":true}""" + "}}",
            400, "3002", "InvalidParameter");
        await AssertErrorAsync("UpdateSnapshot", $$$"""{"SnapshotId":"{{{id}}}","PermissionsToCreateVolume":{}}""", 400, "7000", "MissingParameter");
    }

    [Fact]
    public async Task Only_the_owner_may_update_or_delete_even_a_shared_snapshot()
    {
        var second = SecondAccount();
        var id = Outscale.SeedSnapshots(1).Single();
        await OkAsync("UpdateSnapshot", UpdateBody(id, "Additions", Accounts(SecondAccountId)));

        await AssertErrorAsync("UpdateSnapshot", UpdateBody(id, "Additions", """{"GlobalPermission":true}"""), 400, "5054", "InvalidResource", second);
        await AssertErrorAsync("DeleteSnapshot", $$"""{"SnapshotId":"{{id}}"}""", 400, "5054", "InvalidResource", second);
        Assert.True(Outscale.SnapshotExists(id));
    }

    [Fact]
    public async Task Account_ids_must_be_12_digits()
    {
        var id = Outscale.SeedSnapshots(1).Single();

        await AssertErrorAsync("UpdateSnapshot", UpdateBody(id, "Additions", Accounts("alice")), 400, "4047", "InvalidParameterValue");
    }
}
