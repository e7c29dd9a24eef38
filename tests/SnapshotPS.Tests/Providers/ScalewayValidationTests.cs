using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;

namespace SnapshotPS.Tests.Providers;

/// <summary>Bad input is refused with the parameter and the rule named, before any request.</summary>
public class ScalewayValidationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ScalewayValidationTests(EmulatorFixture emulator) => _emulator = emulator;

    private async Task AssertRefusedBeforeAnyRequest(string parameter, string rule, Func<ScalewayProvider, Task> call)
    {
        using var provider = _emulator.ScalewayProvider();
        var before = _emulator.ScalewayRequests();
        var failure = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(provider));
        Assert.Equal(parameter, failure.ParamName);
        Assert.Contains($"-{parameter}", failure.Message);
        Assert.Contains(rule, failure.Message);
        Assert.Equal(before, _emulator.ScalewayRequests());
    }

    [Fact]
    public Task AMalformedSnapshotId() =>
        AssertRefusedBeforeAnyRequest("Id", "UUID", p => p.GetSnapshotAsync(new SnapshotLocator("snap-1234"), CancellationToken.None));

    [Fact]
    public Task AZoneThatDoesNotExist() =>
        AssertRefusedBeforeAnyRequest("Location", "not a Scaleway zone", p => p.GetSnapshotAsync(new SnapshotLocator(Guid.NewGuid().ToString(), "fr-par-9"), CancellationToken.None));

    [Fact]
    public Task APageSizeOver100() =>
        AssertRefusedBeforeAnyRequest("PageSize", "1 to 100", p => Task.FromResult(p.ListSnapshotsAsync(new SnapshotQuery { PageSize = 101 }, CancellationToken.None)));

    [Fact]
    public Task AnEmptyNameOnCreate() =>
        AssertRefusedBeforeAnyRequest("Name", "cannot be empty", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = Guid.NewGuid().ToString(), Name = "  " }, CancellationToken.None));

    [Fact]
    public Task AnEmptyNameOnRename() =>
        AssertRefusedBeforeAnyRequest("Name", "cannot be empty", p => p.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(Guid.NewGuid().ToString())) { Name = "" }, CancellationToken.None));

    [Fact]
    public Task AMalformedVolumeId() =>
        AssertRefusedBeforeAnyRequest("VolumeId", "UUID", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-1" }, CancellationToken.None));

    [Fact]
    public Task AMissingVolumeId() =>
        AssertRefusedBeforeAnyRequest("VolumeId", "from a volume", p => p.CreateSnapshotAsync(new CreateSnapshotRequest(), CancellationToken.None));

    private static ExportSnapshotRequest Export(string bucket = "backups", string? key = null, string? prefix = null,
        DiskImageFormat format = DiskImageFormat.Qcow2, string? accessKey = null) =>
        new(new SnapshotLocator(Guid.NewGuid().ToString()), bucket)
        {
            Key = key, Prefix = prefix, Format = format, BucketAccessKey = accessKey,
            BucketSecretKey = accessKey is null ? null : SecretValue.FromPlainText("bucket-secret"),
        };

    public static TheoryData<string, string, ExportSnapshotRequest> BadExports => new()
    {
        { "Bucket", "lowercase letters", Export(bucket: "Backups_2026") },
        { "Bucket", "3 to 63", Export(bucket: "ab") },
        { "Bucket", "IP address", Export(bucket: "192.168.1.10") },
        { "Key", "control character", Export(key: "a\nb.qcow2") },
        { "Key", "at most 1024", Export(key: new string('k', 1025)) },
        { "Key", "not both", Export(key: "k.qcow2", prefix: "p/") },
        { "DiskImageFormat", "QCOW2 images only", Export(format: DiskImageFormat.Raw) },
        { "BucketCredential", "snapshot's own project", Export(accessKey: "SCWOTHER") },
    };

    [Theory]
    [MemberData(nameof(BadExports))]
    public Task ABadExport(string parameter, string rule, ExportSnapshotRequest request) =>
        AssertRefusedBeforeAnyRequest(parameter, rule, p => p.ExportSnapshotAsync(request, CancellationToken.None));

    public static TheoryData<string, string, CreateSnapshotRequest> BadImports => new()
    {
        { "ImportUri", "-Bucket and -Key", new CreateSnapshotRequest { ImportUri = new Uri("https://s3.fr-par.scw.cloud/b/k?X-Amz-Signature=1"), SizeBytes = 512 } },
        { "Key", "key of the QCOW2 object", new CreateSnapshotRequest { ImportBucket = "backups" } },
        { "Bucket", "bucket that holds", new CreateSnapshotRequest { ImportKey = "k.qcow2" } },
        { "SizeBytes", "multiple of 512", new CreateSnapshotRequest { ImportBucket = "backups", ImportKey = "k.qcow2", SizeBytes = 1000 } },
        { "SizeBytes", "multiple of 512", new CreateSnapshotRequest { ImportBucket = "backups", ImportKey = "k.qcow2", SizeBytes = 0 } },
        { "SizeBytes", "goes with an import", new CreateSnapshotRequest { VolumeId = Guid.NewGuid().ToString(), SizeBytes = 512 } },
        { "VolumeId", "not both", new CreateSnapshotRequest { VolumeId = Guid.NewGuid().ToString(), ImportBucket = "backups", ImportKey = "k.qcow2" } },
        { "SnapshotType", "not a kind of Scaleway import", new CreateSnapshotRequest { ImportBucket = "backups", ImportKey = "k.qcow2", SnapshotType = "b_ssd" } },
        { "SnapshotType", "no Block Storage", new CreateSnapshotRequest { ImportBucket = "backups", ImportKey = "k.qcow2", SnapshotType = "block", Location = "it-mil-1" } },
        { "SnapshotType", "for an import", new CreateSnapshotRequest { VolumeId = Guid.NewGuid().ToString(), SnapshotType = "l_ssd" } },
        { "Bucket", "not a bucket name", new CreateSnapshotRequest { ImportBucket = "-backups", ImportKey = "k.qcow2" } },
    };

    [Theory]
    [MemberData(nameof(BadImports))]
    public Task ABadImport(string parameter, string rule, CreateSnapshotRequest request) =>
        AssertRefusedBeforeAnyRequest(parameter, rule, p => p.CreateSnapshotAsync(request, CancellationToken.None));

    [Fact]
    public async Task ADescriptionIsNotSupportedAndSaysWhatToDoInstead()
    {
        using var provider = _emulator.ScalewayProvider();
        var before = _emulator.ScalewayRequests();
        var failure = await Assert.ThrowsAsync<ProviderCapabilityException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = Guid.NewGuid().ToString(), Description = "x" }, CancellationToken.None));
        Assert.Contains("Scaleway does not support Description", failure.Message);
        Assert.Contains("tag instead", failure.Message);
        Assert.Equal(before, _emulator.ScalewayRequests());
    }

    [Theory]
    [InlineData("SecretKey", "SCWXXXXXXXXXXXXXXXXX")]
    [InlineData("ProjectId", null)]
    [InlineData("Zone", null)]
    public void SettingsAreCheckedWhenTheConnectionOpens(string parameter, string? badSecret)
    {
        var settings = _emulator.ScalewaySettings();
        if (parameter == "SecretKey") settings.SecretKey = SecretValue.FromPlainText(badSecret!);
        if (parameter == "ProjectId") settings.ProjectId = "not-a-uuid";
        if (parameter == "Zone") settings.Zone = "mars-1";
        var failure = Assert.ThrowsAny<ArgumentException>(() => new ScalewayProvider(settings, "x"));
        Assert.Equal(parameter, failure.ParamName);
        Assert.DoesNotContain("SCWXXXXXXXXXXXXXXXXX", failure.Message);
    }
}
