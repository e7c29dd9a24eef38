using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Storage;

namespace SnapshotPS.Tests.Storage;

public class ObjectStorageSettingsTests
{
    [Fact]
    public void EachCloudsStoreIsDerivedFromItsRegion()
    {
        Assert.Equal(new Uri("https://s3.fr-par.scw.cloud"), ObjectStorageSettings.ForScaleway("fr-par").Endpoint);
        Assert.Equal(new Uri("https://oos.eu-west-2.outscale.com"), ObjectStorageSettings.ForOutscale("eu-west-2").Endpoint);
        Assert.Equal("eu-west-2", ObjectStorageSettings.ForOutscale("eu-west-2").Region);
    }

    [Theory]
    [InlineData("FR-PAR")]
    [InlineData("fr par")]
    [InlineData("")]
    public void ARegionThatCannotBeOneIsRefusedNamingRegion(string region) =>
        Assert.Equal("Region", Assert.Throws<ArgumentException>(() => ObjectStorageSettings.ForScaleway(region)).ParamName);

    [Fact]
    public void PlainHttpToARemoteStoreNeedsTheUsersWord()
    {
        var settings = new ObjectStorageSettings
        {
            Endpoint = new Uri("http://storage.example.com"),
            AccessKey = "AK",
            SecretKey = SecretValue.FromPlainText("secret-never-shown"),
        };

        Assert.Equal("Endpoint", Assert.Throws<ArgumentException>(settings.Validate).ParamName);
        settings.AllowUnencryptedEndpoint = true;
        settings.Validate();
    }

    [Fact]
    public void KeysAreRequiredAndTheSecretNeverShows()
    {
        var settings = new ObjectStorageSettings { Endpoint = new Uri("https://s3.fr-par.scw.cloud") };
        Assert.Equal("AccessKey", Assert.Throws<ArgumentException>(settings.Validate).ParamName);
        settings.AccessKey = "AKSTORE";
        Assert.Equal("SecretKey", Assert.Throws<ArgumentException>(settings.Validate).ParamName);
        settings.SecretKey = SecretValue.FromPlainText("secret-never-shown");

        settings.Validate();
        Assert.DoesNotContain("secret-never-shown", settings.ToString());
        Assert.Contains("AKSTORE", settings.ToString());
    }
}
