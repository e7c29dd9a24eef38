using System.Collections;
using SnapshotPS.Emulator;
using SnapshotPS.Emulator.Tests.Support;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>
/// An export into another account's bucket piped on through the real binder: connection "tenant" has storage keys the
/// store refuses, the bucket is the store's own keys' (the owner's), given as -BucketCredential.
/// </summary>
public sealed class BucketOwnerPipelineTests(StorageCloudsFixture clouds) : IClassFixture<StorageCloudsFixture>
{
    private const string TenantStorageSecret = "tenant-storage-secret";

    private PowerShellSession TenantSession()
    {
        var session = new PowerShellSession();
        session.Run(
            "Connect-SnapshotProvider -Provider Outscale -Name tenant -Endpoint $endpoint -Region $region -AccessKey $access " +
            "-SecretKey (ConvertTo-SecureString $secret -AsPlainText -Force) -StorageEndpoint $storage " +
            "-StorageCredential ([pscredential]::new('TENANTACCESSKEY', (ConvertTo-SecureString $storageSecret -AsPlainText -Force))) -ErrorAction Stop; " +
            "$owner = [pscredential]::new($ownerKey, (ConvertTo-SecureString $ownerSecret -AsPlainText -Force))",
            new Hashtable
            {
                ["endpoint"] = clouds.CloudA.OutscaleEndpoint, ["region"] = OutscaleFake.DefaultRegion,
                ["access"] = OutscaleFake.DefaultAccessKey, ["secret"] = OutscaleFake.DefaultSecretKey,
                ["storage"] = clouds.StoreA.ServiceUrl, ["storageSecret"] = TenantStorageSecret,
                ["ownerKey"] = S3rverFixture.AccessKey, ["ownerSecret"] = S3rverFixture.SecretKey,
            }).AssertSucceeded();
        return session;
    }

    [Fact]
    public void An_export_into_another_accounts_bucket_is_shared_and_imported_with_BucketCredential_and_refused_without_it()
    {
        var id = StorageCloudsFixture.Seed(clouds.CloudA, "ps-owner", sizeGiB: 3);
        using var session = TenantSession();

        var result = session.Run(
            "$export = Export-CloudSnapshot -Connection tenant -Id $id -Bucket $bucket -Prefix owner/ -BucketCredential $owner -Wait -ErrorAction Stop; " +
            "$export | Grant-CloudSnapshotPermission -BucketCredential $owner; " +
            "$export | Grant-CloudSnapshotPermission; " +
            "$export | New-CloudSnapshot -Name ps-owner-imported -BucketCredential $owner -Wait",
            new Hashtable { ["id"] = id, ["bucket"] = S3rverFixture.Bucket });

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("GrantCloudSnapshotPermissionInvalidArgument,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("-BucketCredential", error.Exception.Message);
        Assert.Equal(2, result.Output.Count);
        var url = (Uri)result.Output[0].Properties["Url"].Value;
        using var http = new HttpClient();
        var bytes = http.GetByteArrayAsync(url).GetAwaiter().GetResult();
        Assert.Equal(4096, bytes.Length);
        Assert.Equal((byte)'Q', bytes[0]);
        Assert.Equal("ps-owner-imported", result.Output[1].Properties["Name"].Value);
        Assert.Equal(3L << 30, result.Output[1].Properties["SizeBytes"].Value);
        Assert.DoesNotContain(TenantStorageSecret, string.Join("\n", result.AllText()));
    }
}
