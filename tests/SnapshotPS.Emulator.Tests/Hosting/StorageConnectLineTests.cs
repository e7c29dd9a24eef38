using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Tests.Hosting;

/// <summary>The Connect lines the emulator prints name its object storage when it runs with --s3-endpoint.</summary>
public sealed class StorageConnectLineTests
{
    private static readonly EmulatorCommandLine WithS3 =
        EmulatorCommandLine.Parse(["--s3-endpoint", "http://127.0.0.1:4568", "--s3-access-key", "S3RVER", "--s3-secret-key", "S3SECRET"]);

    [Theory]
    [InlineData("Outscale (eu-west-2): Connect-SnapshotProvider -Provider Outscale -Endpoint http://127.0.0.1:5080/outscale/api/v1 -Region eu-west-2")]
    [InlineData("Scaleway (fr-par-1): Connect-SnapshotProvider -Provider Scaleway -Endpoint http://127.0.0.1:5080/scaleway -Zone fr-par-1")]
    public void Outscale_and_Scaleway_lines_get_the_storage_endpoint_and_keys(string line)
    {
        var completed = WithS3.WithStorage(line);

        Assert.StartsWith(line, completed);
        Assert.Contains(" -StorageEndpoint http://127.0.0.1:4568/ ", completed);
        Assert.Contains("-StorageCredential (New-Object System.Management.Automation.PSCredential 'S3RVER', (ConvertTo-SecureString 'S3SECRET' -AsPlainText -Force))", completed);
    }

    [Fact]
    public void Other_clouds_and_runs_without_s3_keep_their_lines()
    {
        const string koyeb = "Koyeb (fra): Connect-SnapshotProvider -Provider Koyeb -Endpoint http://127.0.0.1:5080/koyeb";
        const string outscale = "Outscale (eu-west-2): Connect-SnapshotProvider -Provider Outscale -Region eu-west-2";

        Assert.Equal(koyeb, WithS3.WithStorage(koyeb));
        Assert.Equal(outscale, EmulatorCommandLine.Parse([]).WithStorage(outscale));
    }
}
