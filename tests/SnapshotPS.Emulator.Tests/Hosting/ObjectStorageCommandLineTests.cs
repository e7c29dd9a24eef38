using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Tests.Hosting;

public sealed class ObjectStorageCommandLineTests
{
    [Fact]
    public void S3_options_make_the_object_storage()
    {
        var parsed = EmulatorCommandLine.Parse(["--s3-endpoint", "http://127.0.0.1:4568", "--s3-access-key", "S3RVER", "--s3-secret-key", "S3RVER"]);

        var storage = parsed.ObjectStorage;
        Assert.NotNull(storage);
        Assert.Equal(new Uri("http://127.0.0.1:4568/"), storage.ServiceUrl);
        Assert.Equal(("S3RVER", "S3RVER"), (storage.AccessKey, storage.SecretKey));
    }

    [Fact]
    public void Without_s3_options_there_is_no_object_storage() => Assert.Null(EmulatorCommandLine.Parse([]).ObjectStorage);

    [Theory]
    [InlineData("--s3-endpoint", "http://127.0.0.1:4568")]
    [InlineData("--s3-access-key", "K", "--s3-secret-key", "S")]
    [InlineData("--s3-endpoint", "ftp://host", "--s3-access-key", "K", "--s3-secret-key", "S")]
    public void Incomplete_or_bad_s3_options_are_refused(params string[] args) =>
        Assert.Throws<FormatException>(() => EmulatorCommandLine.Parse(args));
}
