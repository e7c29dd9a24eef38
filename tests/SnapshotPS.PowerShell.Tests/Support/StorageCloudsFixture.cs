using System.Collections;
using SnapshotPS.Emulator;
using SnapshotPS.Emulator.Tests.Support;

namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>
/// Two OUTSCALE clouds for the object storage cmdlets in a real PowerShell: each writes exports to and reads
/// imports from its own s3rver, so connection "a" (eu-west-2) and "b" (us-east-2) are two accounts with two stores.
/// </summary>
public sealed class StorageCloudsFixture : TwoStoredClouds
{
    public override Task InitializeAsync() => File.Exists(ModuleLayout.ManifestPath)
        ? base.InitializeAsync()
        : throw new InvalidOperationException($"Build the solution first: {ModuleLayout.ManifestPath} is missing.");

    /// <summary>A runspace connected as "a" and "b", each with -StorageEndpoint and -StorageCredential of its store.</summary>
    public PowerShellSession ConnectedSession(PSHost? host = null)
    {
        var session = new PowerShellSession(host);
        Connect(session, "a", CloudA, StoreA, OutscaleFake.DefaultRegion);
        Connect(session, "b", CloudB, StoreB, "us-east-2");
        return session;
    }

    public static ScriptResult Connect(PowerShellSession session, string name, EmulatorHost cloud, S3rverFixture store, string region) => session.Run(
        "Connect-SnapshotProvider -Provider Outscale -Name $name -Endpoint $endpoint -Region $region -AccessKey $access " +
        "-SecretKey (ConvertTo-SecureString $secret -AsPlainText -Force) -StorageEndpoint $storage " +
        "-StorageCredential ([pscredential]::new($storageKey, (ConvertTo-SecureString $storageSecret -AsPlainText -Force))) -ErrorAction Stop",
        new Hashtable
        {
            ["name"] = name, ["endpoint"] = cloud.OutscaleEndpoint, ["region"] = region,
            ["access"] = OutscaleFake.DefaultAccessKey, ["secret"] = OutscaleFake.DefaultSecretKey,
            ["storage"] = store.ServiceUrl, ["storageKey"] = S3rverFixture.AccessKey, ["storageSecret"] = S3rverFixture.SecretKey,
        }).AssertSucceeded();

    /// <summary>A completed snapshot of a volume of <paramref name="sizeGiB"/>, named <paramref name="name"/>.</summary>
    public static string Seed(EmulatorHost cloud, string name, int sizeGiB = 10) =>
        cloud.Outscale.SeedSnapshots(1, cloud.Outscale.AddVolume(sizeGiB), "", [new KeyValuePair<string, string>("Name", name)])[0];
}
